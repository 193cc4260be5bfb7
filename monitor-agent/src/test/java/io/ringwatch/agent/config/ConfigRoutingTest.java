package io.ringwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Severity;
import io.ringwatch.engine.routing.EscalationStep;
import io.ringwatch.engine.routing.Mute;
import io.ringwatch.engine.routing.OnCallSchedule;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.engine.routing.TargetPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRoutingTest {

    /** Channels that reach a person (telegram, twilio) and one that does not (webhook). */
    static final String CHANNELS = """
            channels:
              - { name: ops-telegram, provider: telegram }
              - { name: phone, provider: twilio }
              - { name: team-chat, provider: webhook }
            """;

    static final String FULL = Yaml.ONE_NODE + CHANNELS + """
            contacts:
              - name: alice
                addresses:
                  ops-telegram: "123456789"
                  phone: "+15550001111"
                subscribe:
                  - targets: "*"
                    min-severity: critical
                    via: [phone]
                  - n3
              - name: bob
                addresses: { ops-telegram: "987654321", phone: "+15550002222" }
                subscribe: [n3, "*/orders-api"]
              - name: carol
                addresses: { phone: "+15550003333" }
            on-call:
              zone: Europe/Berlin
              shifts:
                - from: monday 09:00
                  contact: alice
                - from: thursday 09:00
                  contact: bob
              overrides:
                - from: 2026-12-24T00:00:00Z
                  until: 2026-12-27T00:00:00Z
                  contact: carol
            escalation:
              - after: 10m
                notify: on-call
                via: [phone]
              - after: 1h
                notify: carol
              - after: 20m
                notify: next-on-call
                via: phone
            mutes:
              - contact: bob
                targets: n3
                until: 2026-12-10T00:00:00Z
                reason: on holiday
            """;

    @Test
    void readsContactsSubscriptionsOnCallEscalationAndMutes() {
        Routing routing = Yaml.parse(FULL).routing();

        assertThat(routing.contacts()).containsOnlyKeys("alice", "bob", "carol");
        assertThat(routing.contact("alice").orElseThrow().addresses())
                .containsExactly(Map.entry("ops-telegram", "123456789"), Map.entry("phone", "+15550001111"));
        assertThat(routing.subscriptions()).containsExactly(
                Subscription.of("alice", "*", Severity.CRITICAL).via("phone"),
                Subscription.of("alice", "n3", Severity.WARNING),
                Subscription.of("bob", "n3", Severity.WARNING),
                Subscription.of("bob", "*/orders-api", Severity.WARNING));
        assertThat(routing.escalation()).containsExactly(
                EscalationStep.onCall(Duration.ofMinutes(10), "phone"),
                EscalationStep.nextOnCall(Duration.ofMinutes(20), "phone"),
                EscalationStep.contact(Duration.ofHours(1), "carol"));
        assertThat(routing.mutes(Instant.parse("2026-12-01T00:00:00Z"))).containsExactly(new Mute("bob",
                TargetPattern.of("n3"), Instant.parse("2026-12-10T00:00:00Z"), "on holiday"));
    }

    @Test
    void theOnCallScheduleAnswersWhoIsOnCallInItsZone() {
        OnCallSchedule schedule = Yaml.parse(FULL).routing().onCallSchedule().orElseThrow();

        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        // Monday 2026-12-07 09:00 in Berlin is 08:00Z: bob's shift (from Thursday) runs until then.
        assertThat(schedule.onCallAt(Instant.parse("2026-12-07T07:59:00Z"))).contains("bob");
        assertThat(schedule.onCallAt(Instant.parse("2026-12-07T08:00:00Z"))).contains("alice");
        assertThat(schedule.onCallAt(Instant.parse("2026-12-10T07:59:00Z"))).contains("alice");
        assertThat(schedule.onCallAt(Instant.parse("2026-12-10T08:00:00Z"))).contains("bob");
        assertThat(schedule.onCallAt(Instant.parse("2026-12-25T12:00:00Z"))).contains("carol");
        assertThat(schedule.nextAt(Instant.parse("2026-12-25T12:00:00Z"))).contains("bob");
        assertThat(schedule.nextAt(Instant.parse("2026-12-08T12:00:00Z"))).contains("bob");
    }

    @Test
    void neverShowsAnAddress() {
        AgentConfig config = Yaml.parse(FULL);

        assertThat(config.toString()).contains("3 contact(s)").doesNotContain("123456789", "+1555");
        assertThat(config.routing().contact("bob").orElseThrow().toString()).doesNotContain("987654321");
    }

    @Test
    void withoutRoutingKeysEveryChannelGetsEverything() {
        assertThat(Yaml.parse(Yaml.ONE_NODE + CHANNELS).routing().isEmpty()).isTrue();
    }

    @Test
    void fillsTheDefaults() {
        Routing routing = Yaml.parse(Yaml.ONE_NODE + CHANNELS + """
                contacts:
                  - name: alice
                    addresses: { ops-telegram: "123456789" }
                    subscribe:
                      - targets: web-*
                on-call:
                  shifts:
                    - { from: Mon 9:00, contact: alice }
                """).routing();

        assertThat(routing.subscriptions()).containsExactly(Subscription.of("alice", "web-*", Severity.WARNING));
        assertThat(routing.onCallSchedule().orElseThrow().zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(routing.onCallSchedule().orElseThrow().shifts()).extracting(OnCallSchedule.Shift::toString)
                .containsExactly("Shift[day=MONDAY, start=09:00, contact=alice]");
        assertThat(routing.escalation()).isEmpty();
        assertThat(routing.mutes(Instant.EPOCH)).isEmpty();
    }

    @Test
    void theExamplesCommentedRoutingIsValidOnceUncommented() throws IOException {
        AgentConfig config = ConfigFile.parse(uncommentRouting(Files.readString(Path.of("ringwatch.example.yaml"))),
                "ringwatch.example.yaml", Map.of(
                        "RINGWATCH_SECRET", "example-secret-0123456789",
                        "CHAT_WEBHOOK_URL", "https://chat.example/hooks/T000/B000/XXXX",
                        "TWILIO_URL", "twilio://AC0123:token@+15550100/+15550199?mode=call",
                        "TELEGRAM_URL", "tgram://123456:token/-100200"));

        Routing routing = config.routing();
        assertThat(config.channels()).extracting(ChannelEntry::name)
                .containsExactly("team-chat", "local-console", "on-call-phone", "ops-telegram");
        assertThat(routing.contacts()).containsOnlyKeys("alice", "bob");
        assertThat(routing.subscriptions()).isNotEmpty();
        assertThat(routing.onCallSchedule()).isPresent();
        assertThat(routing.escalation()).hasSize(2);
        assertThat(routing.mutes(Instant.parse("2026-12-01T00:00:00Z"))).hasSize(1);
    }

    /**
     * The example with its commented channels ({@code # - name:} and the lines under it) and its
     * commented routing part (from {@code # contacts:} on) uncommented.
     */
    static String uncommentRouting(String example) {
        List<String> lines = new ArrayList<>();
        boolean inRouting = false;
        boolean inChannel = false;
        for (String line : example.split("\n", -1)) {
            inRouting |= line.equals("# contacts:");
            inChannel = line.startsWith("  # - name: ") || inChannel && line.startsWith("  #   ");
            if (inRouting && line.startsWith("# ")) {
                lines.add(line.substring(2));
            } else if (inChannel) {
                lines.add("  " + line.substring(4));
            } else {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }
}
