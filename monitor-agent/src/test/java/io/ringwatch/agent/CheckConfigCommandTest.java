package io.ringwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ConfigFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCommandTest {
    private static final Map<String, String> ENV = Map.of(
            "RINGWATCH_SECRET", "example-secret-0123456789",
            "CHAT_WEBHOOK_URL", "https://chat.example/hooks/T000/B000/XXXX");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void summarisesAValidFile() {
        int exit = run(ENV, "--config", "ringwatch.example.yaml");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo(
                "ringwatch.example.yaml: OK — node n1, 5 members, watching n2, n3 every 60 s, 2 channels (webhook, console)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsEveryErrorOnStandardErrorAndExitsTwo(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("ringwatch.yaml"), """
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                timing:
                  interval: fast
                  intervall: 5s
                channels:
                  - name: chat
                    provider: webhook
                    settings: { url: "${CHAT_WEBHOOK_URL}" }
                """);

        int exit = run(Map.of("RINGWATCH_SECRET", "example-secret-0123456789"), "-c", file.toString());

        assertThat(exit).isEqualTo(CheckConfigCommand.EXIT_INVALID);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                file + ":7: timing.interval: expected a duration such as 30s, 5m or 1h30m, got \"fast\"",
                file + ":8: timing.intervall: unknown key; did you mean 'interval'? allowed keys here: interval, jitter, "
                        + "timeout, retry-interval, confirmations, recoveries, peer-timeout, handoff-delay, repeat-interval, "
                        + "escalation-delay, flap-high, flap-low, late-cycle-threshold, disputes-before-notice, "
                        + "self-suspicion-notice-after, notifier-timeout",
                file + ":12: channels[0].settings.url: environment variable CHAT_WEBHOOK_URL is not set "
                        + "(give a default with ${CHAT_WEBHOOK_URL:-default})");
    }

    @Test
    void namesAMissingFile() {
        int exit = run(ENV, "-c", "no-such-ringwatch.yaml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("no-such-ringwatch.yaml: no such file");
    }

    @Test
    void checksThatEveryChannelsProviderIsInstalledAndTakesItsSettings(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("ringwatch.yaml"), """
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                channels:
                  - name: pager
                    provider: smoke-signals
                  - name: chat
                    provider: webhook
                    settings: { url: "${CHAT_WEBHOOK_URL}", colour: blue }
                """);

        int exit = run(Map.of("RINGWATCH_SECRET", "example-secret-0123456789",
                "CHAT_WEBHOOK_URL", "https://chat.example/hooks/T000/B000/XXXX"), "-c", file.toString());

        assertThat(exit).isEqualTo(CheckConfigCommand.EXIT_INVALID);
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString()).contains(file + ": channels[0] (pager).provider: no notifier provider 'smoke-signals' is installed;")
                .contains(file + ": channels[1] (chat).settings: ", "colour")
                .doesNotContain("T000", "XXXX");
    }

    @Test
    void checksAChannelGivenAsAUrlWithTheProviderThatReadsIt(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("ringwatch.yaml"), """
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                channels:
                  - name: chat
                    url: jsons://chat.example/hooks/T000?secret=${HOOK_SECRET}
                  - name: phone
                    url: tgram://123456789:AAHtokensecretXXXXXXXXXXXXXXXXXXXXX/-100200
                  - name: pigeon
                    url: pigeon://loft-secret/roof
                """);

        int exit = run(Map.of("RINGWATCH_SECRET", "example-secret-0123456789", "HOOK_SECRET", "hook-secret-1"),
                "-c", file.toString());

        assertThat(exit).isEqualTo(CheckConfigCommand.EXIT_INVALID);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith(file + ": channels[2] (pigeon).url: channel 'pigeon': no notifier provider reads 'pigeon' URLs;"
                        + " schemes known: ")
                .contains("jsons", "tgram", "pagerduty", "mailto");
        assertThat(err.toString()).doesNotContain("tokensecret", "hook-secret", "loft-secret");
    }

    @Test
    void refusesAContactsAddressOnAChannelWithOneFixedDestination(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("ringwatch.yaml"), """
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                channels:
                  - name: chat
                    provider: webhook
                    settings: { url: "${CHAT_WEBHOOK_URL}" }
                contacts:
                  - name: alice
                    addresses: { chat: "U0123ALICE" }
                    subscribe: ["*"]
                """);

        int exit = run(ENV, "-c", file.toString());

        assertThat(exit).isEqualTo(CheckConfigCommand.EXIT_INVALID);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(file + ": contacts: contact alice has an address on channel"
                + " 'chat', which sends to one fixed destination (a webhook, an incident tool): it gets every notification"
                + " anyway; remove the address");
        assertThat(err.toString()).doesNotContain("U0123ALICE");
    }

    @Test
    void findsAContactsAddressTheChannelCannotUseBeforeAnythingIsSent(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("ringwatch.yaml"), """
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                channels:
                  - name: chat
                    url: "tgram://123456789:AAHtokensecretXXXXXXXXXXXXXXXXXXXXX/-100200"
                contacts:
                  - name: alice
                    addresses: { chat: "alice at the office" }
                    subscribe: ["*"]
                """);

        int exit = run(ENV, "-c", file.toString());

        assertThat(exit).isEqualTo(CheckConfigCommand.EXIT_INVALID);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith(file + ": contacts: the address of contact alice on channel 'chat' must be");
        assertThat(err.toString()).doesNotContain("alice at the office", "tokensecret");
    }

    @Test
    void theSummaryCountsContactsAndNamesTheOnCallScheduleAndEscalation() {
        AgentConfig config = ConfigFile.parse("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                channels:
                  - { name: phone, provider: twilio }
                contacts:
                  - { name: alice, addresses: { phone: "+15550001111" } }
                  - { name: bob, addresses: { phone: "+15550002222" } }
                  - { name: carol, addresses: { phone: "+15550003333" } }
                on-call:
                  shifts: [{ from: monday 09:00, contact: alice }, { from: thursday 09:00, contact: bob }]
                escalation:
                  - { after: 10m, notify: on-call }
                  - { after: 30m, notify: carol }
                """, "ringwatch.yaml", ENV);

        assertThat(CheckConfigCommand.summary(config)).isEqualTo("ringwatch.yaml: OK — node n1, 1 member, watching nobody"
                + " every 60 s, 1 channel (twilio), 3 contacts, on-call schedule, 2 escalation steps");
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new CheckConfigCommand(environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
