package io.ringwatch.samples.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.eventlog.EventLogReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo itself, in real time: five engines talking HTTP on 127.0.0.1, a crash, a restart
 * on the same ports. It takes a few seconds.
 * Nothing here sleeps to synchronise: the demo waits for the deliveries its event logs record,
 * and polls the engines' views with a bound, each bound several times what the step takes.
 */
class OutageDemoTest {
    private static final TargetId N3 = TargetId.parse("n3");

    @TempDir
    Path eventLogs;

    @Test
    void alertsTheDeskOnceWhenN3CrashesAndOnceWhenItIsBack() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        OutageReport report = OutageDemo.run(eventLogs, OutageDemo.Bounds.ofDefaults(), new PrintStream(printed, true, UTF_8));

        assertThat(report.succeeded()).as("the demo succeeded; it printed:%n%s", printed.toString(UTF_8)).isTrue();
        assertThat(report.count(NotificationKind.ALERT, N3)).isEqualTo(1);
        assertThat(report.count(NotificationKind.RECOVERY, N3)).isEqualTo(1);
        assertThat(report.deliveries()).as("everything delivered to the desk").hasSize(2);
        assertThat(report.detection().orElseThrow()).isLessThan(OutageDemo.Bounds.ofDefaults().detection());
        assertThat(report.detectionBound()).isEqualTo(Duration.ofMillis(1850));
        assertThat(printed.toString(UTF_8)).contains("n1: endpoint http://127.0.0.1:", "n1 -> n2, n3", "Summary",
                "Done: every engine is closed.");
    }

    @Test
    void saysWhatItSawAndFailsWhenTheAlertDoesNotComeInTime() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OutageDemo.Bounds noTimeToDetect = new OutageDemo.Bounds(Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofSeconds(10));

        OutageReport report = OutageDemo.run(eventLogs, noTimeToDetect, new PrintStream(printed, true, UTF_8));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problem()).isEqualTo("no alert for n3 on ops-desk within 0.01 s");
        assertThat(report.detection()).isEmpty();
        assertThat(printed.toString(UTF_8)).contains("Gave up: no alert for n3 on ops-desk", "n3: crashed",
                "n2 (UP) sees n3=", "FAILED: no alert for n3");
    }

    @Test
    void leavesAnEventLogPerNodeThatTellsWhatWasSent() throws Exception {
        OutageReport report = OutageDemo.run(eventLogs, OutageDemo.Bounds.ofDefaults(), new PrintStream(new ByteArrayOutputStream(), true, UTF_8));

        assertThat(eventLogs).isDirectoryContaining("glob:**/n1.jsonl").isDirectoryContaining("glob:**/n5.jsonl");
        NodeId alerter = report.deliveries().get(0).observer();
        EventLogReader.Result log = EventLogReader.read(eventLogs.resolve(alerter + ".jsonl"));
        assertThat(log.problems()).isEmpty();
        assertThat(log.events()).filteredOn(event -> event.kind() == EventKind.NOTIFICATION_SENT)
                .extracting(event -> event.attribute("channel").orElseThrow(), event -> event.attribute("notification").orElseThrow())
                .contains(tuple("ops-desk", "ALERT"), tuple("ops-desk", "RECOVERY"));
        assertThat(EventLogReader.read(eventLogs.resolve("n3.jsonl")).events())
                .filteredOn(event -> event.kind() == EventKind.ENGINE_STARTED).as("n3 started twice, before and after its crash")
                .hasSize(2);
    }
}
