package io.ringwatch.samples.outage;

import static io.ringwatch.testkit.RingwatchAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.EventKind;
import io.ringwatch.testkit.Fault;
import io.ringwatch.testkit.SimulatedCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app's own notifier, the desk channel of {@code embedded-host}, is found through
 * {@link java.util.ServiceLoader} like any channel and called in a simulated outage: the test
 * reads what it printed.
 */
class DeskChannelOutageTest {
    private static final String ALERT_LINE =
            "\\[ops-desk] \\d\\d:\\d\\d:\\d\\d CRITICAL: node n3 DOWN  \\(seen by n2: connection refused; incident n3@.+\\)";
    private static final String RECOVERY_LINE =
            "\\[ops-desk] \\d\\d:\\d\\d:\\d\\d INFORMATION: node n3 UP  \\(seen by n2: alive; incident n3@.+\\)";

    @Test
    void theDeskPrintsOneAlertWhenN3CrashesAndOneRecoveryWhenItIsBack() {
        try (CapturedStdout stdout = CapturedStdout.start();
                SimulatedCluster farm = SimulatedCluster.builder()
                        .nodes(5).services("orders-api")
                        .channel("desk", "ops-desk", Map.of("stream", "stdout"))
                        .build()) {
            farm.runFor(Duration.ofMinutes(3));

            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(stdout.lines()).filteredOn(line -> line.startsWith("[ops-desk]"))
                    .singleElement().asString().matches(ALERT_LINE);

            farm.inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

            assertThat(stdout.lines()).filteredOn(line -> line.startsWith("[ops-desk]"))
                    .hasSize(2).last().asString().matches(RECOVERY_LINE);
            assertThatEvents(farm.events()).hasNoEvent(EventKind.NOTIFICATION_FAILED)
                    .hasEventMatching(event -> event.kind() == EventKind.NOTIFICATION_SENT
                            && event.attribute("channel").orElse("").equals("ops-desk"), "a delivery to ops-desk");
        }
    }
}
