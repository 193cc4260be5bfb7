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
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The desk notifier passes the kit every notifier must pass, and writes the lines the desk reads. */
@DisplayName("The desk notifier")
class DeskNotifierTest extends NotifierCompatibilityKit {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private PrintStream stdout = new PrintStream(written, true, UTF_8);
    private final PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);

    @Override
    protected NotifierProvider provider() {
        return new DeskNotifierProvider(() -> stdout, () -> stderr);
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-desk", Map.of("prefix", "ops-desk", "stream", "stdout"));
    }

    /** One line that starts with the prefix and holds the headline, who saw it, why, and the incident. */
    @Override
    protected void assertDelivered(Notification sent) {
        assertThat(written.toString(UTF_8).lines())
                .filteredOn(line -> line.startsWith("[ops-desk] ") && line.contains(sent.headline()))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(sent.kind() == NotificationKind.NOTICE ? "from " + sent.observer() : "seen by " + sent.observer())
                        .contains(sent.reason())
                        .endsWith("; incident " + sent.incidentKey() + ")"));
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

    private DeskNotifier deskInUtc(Map<String, String> settings) {
        return new DeskNotifier(DeskSettings.from(NotifierSettings.of("ops-desk", settings)), () -> stdout, ZoneOffset.UTC);
    }
}
