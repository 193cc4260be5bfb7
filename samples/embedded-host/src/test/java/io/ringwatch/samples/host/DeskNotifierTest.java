package io.ringwatch.samples.host;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.engine.dispatch.NotifierProviders;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The desk notifier passes the kit every notifier must pass, and writes the lines the desk reads. */
@DisplayName("The desk notifier")
class DeskNotifierTest extends NotifierCompatibilityKit {
    private static final String PREFIX = "night shift";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private PrintStream stdout = new PrintStream(written, true, UTF_8);
    private final PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);

    @Override
    protected NotifierProvider provider() {
        return new DeskNotifierProvider(() -> stdout, () -> stderr);
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-desk", Map.of("prefix", PREFIX, "stream", "stdout"));
    }

    /** One line that starts with the prefix and holds the headline, who saw it, why, and the incident. */
    @Override
    protected void assertDelivered(Notification sent) {
        assertThat(written.toString(UTF_8).lines())
                .filteredOn(line -> line.startsWith("[" + PREFIX + "] ") && line.contains(sent.headline()))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(sent.kind() == NotificationKind.NOTICE ? "from " + sent.observer() : "seen by " + sent.observer())
                        .contains(sent.reason())
                        .endsWith("; incident " + sent.incidentKey() + ")"));
    }

    /**
     * The desk holds no secret, but it promises never to show a setting's value in a name, a
     * {@code toString()} or an error: naming the prefix here makes the kit's "Secrets" group
     * hold it to that. A notifier with a token names the token.
     */
    @Override
    protected Set<String> secrets() {
        return Set.of(PREFIX);
    }

    /** Standard output breaks, as when the pipe it writes to is closed. */
    @Override
    protected void makeChannelFail() {
        stdout = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        }, true, UTF_8);
    }

    @Test
    @DisplayName("writes an alert as the prefix, the time, the headline, who saw it and why, and the incident")
    void writesAnAlertAsOneClearLine() {
        assertThat(deskInUtc(Map.of()).line(sampleAlert())).isEqualTo("[ops-desk] 04:05:27 CRITICAL: orders-api DOWN on node n3"
                + "  (seen by n1: connection refused; incident n3/orders-api@2031-02-03T04:05:06.789Z)");
    }

    @Test
    @DisplayName("writes a recovery the same way, under the prefix that was set")
    void writesARecoveryUnderThePrefixSet() {
        assertThat(deskInUtc(Map.of("prefix", "night shift")).line(sampleRecovery()))
                .isEqualTo("[night shift] 04:48:06 INFORMATION: orders-api UP on node n3"
                        + "  (seen by n1: HTTP 200 in 35 ms; incident n3/orders-api@2031-02-03T04:05:06.789Z)");
    }

    @Test
    @DisplayName("does not repeat a notice's reason, which is its headline already")
    void writesANoticeOnce() {
        Notification notice = sampleNotice();

        String line = deskInUtc(Map.of()).line(notice);

        assertThat(line).startsWith("[ops-desk] 04:06:36 WARNING: " + notice.reason() + "  (from n1; incident ");
        assertThat(line.indexOf(notice.reason())).isEqualTo(line.lastIndexOf(notice.reason()));
    }

    @Test
    @DisplayName("rejects an unknown setting, naming the channel and the setting")
    void rejectsAnUnknownSetting() {
        assertThatThrownBy(() -> provider().create(NotifierSettings.of("ops-desk", Map.of("colour", "red"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'ops-desk': setting 'colour' is not a setting of a desk channel; its settings are [prefix, stream]");
    }

    @Test
    @DisplayName("rejects a stream other than stdout or stderr, without echoing the value")
    void rejectsAnUnknownStream() {
        assertThatThrownBy(() -> provider().create(NotifierSettings.of("ops-desk", Map.of("stream", "/dev/tty1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'ops-desk': setting 'stream' must be stdout or stderr")
                .message().doesNotContain("/dev/tty1");
    }

    @Test
    @DisplayName("rejects a blank prefix or one that is not a single printable line")
    void rejectsABadPrefix() {
        assertThatThrownBy(() -> provider().create(NotifierSettings.of("ops-desk", Map.of("prefix", "  "))))
                .hasMessageStartingWith("channel 'ops-desk': setting 'prefix' is blank");
        assertThatThrownBy(() -> provider().create(NotifierSettings.of("ops-desk", Map.of("prefix", "ops\ndesk"))))
                .hasMessage("channel 'ops-desk': setting 'prefix' must be one line of at most 40 printable characters");
    }

    @Test
    @DisplayName("writes to standard error when told to")
    void writesToStandardErrorWhenToldTo() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        var provider = new DeskNotifierProvider(() -> stdout, () -> new PrintStream(errors, true, UTF_8));

        try (var notifier = provider.create(NotifierSettings.of("ops-desk", Map.of("stream", "STDERR")))) {
            notifier.send(sampleAlert());
        }

        assertThat(errors.toString(UTF_8)).startsWith("[ops-desk] ");
        assertThat(written.toString(UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("reads a channel URL into the same settings")
    void readsAChannelUrl() {
        var provider = new DeskNotifierProvider();

        assertThat(provider.urlSchemes()).containsExactly("desk");
        assertThat(provider.settingsOf("desk://stderr?prefix=night%20shift"))
                .containsExactly(Map.entry("stream", "stderr"), Map.entry("prefix", "night shift"));
        assertThat(provider.settingsOf("desk://stdout")).containsExactly(Map.entry("stream", "stdout"));
    }

    @Test
    @DisplayName("makes a working channel from its URL, as the engine does")
    void makesAChannelFromItsUrl() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        var providers = NotifierProviders.of(new DeskNotifierProvider(() -> stdout, () -> new PrintStream(errors, true, UTF_8)));

        try (var notifier = providers.createFromUrl("ops-desk", "desk://stderr?prefix=night%20shift")) {
            notifier.send(sampleAlert());
        }

        assertThat(errors.toString(UTF_8)).startsWith("[night shift] ").contains(sampleAlert().headline());
    }

    @ParameterizedTest
    @ValueSource(strings = {"desk://?prefix=s3cr3t", "desk://s3cr3t/lines", "desk://stdout?s3cr3t=red",
            "desk://stdout?prefix=s3cr3t%zz"})
    @DisplayName("rejects a URL of another form, giving the form and never quoting the URL")
    void rejectsAUrlOfAnotherForm(String url) {
        assertThatThrownBy(() -> NotifierProviders.of(provider()).createFromUrl("ops-desk", url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("channel 'ops-desk': expected a URL of the form desk://STREAM[?prefix=TEXT]")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    @DisplayName("rejects a URL's stream as it rejects the setting")
    void rejectsAUrlsStreamAsTheSetting() {
        assertThatThrownBy(() -> NotifierProviders.of(provider()).createFromUrl("ops-desk", "desk://tty1"))
                .hasMessage("channel 'ops-desk': setting 'stream' must be stdout or stderr");
    }

    private DeskNotifier deskInUtc(Map<String, String> settings) {
        return new DeskNotifier(DeskSettings.from(NotifierSettings.of("ops-desk", settings)), () -> stdout, ZoneOffset.UTC);
    }
}
