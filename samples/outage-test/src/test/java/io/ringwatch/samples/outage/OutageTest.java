package io.ringwatch.samples.outage;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.testkit.Fault;
import io.ringwatch.testkit.SimulatedCluster;
import io.ringwatch.testkit.SimulatedFarm;
import org.junit.jupiter.api.Test;

/**
 * What the farm must do in an outage, in virtual time: each test gets five real engines, warmed
 * up until every node has seen its partners, and runs in a fraction of a second.
 */
@SimulatedFarm(nodes = 5, services = "orders-api")
class OutageTest {
    private static final TargetId N3 = TargetId.parse("n3");
    private static final TargetId ORDERS_ON_N3 = TargetId.parse("n3/orders-api");

    @Test
    void aCrashedNodeIsAlertedOnceAndItsRecoveryReportedOnce(SimulatedCluster farm) {
        farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneAlertFor(N3).hasAlert(N3, Status.DOWN)
                .allFrom(NodeId.of("n2")).hasNothingFor(ORDERS_ON_N3);

        farm.inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneRecoveryFor(N3).hasOneIncidentKeyFor(N3).hasSize(2);
    }

    @Test
    void aServiceAnswering503IsDegradedAndItsNodeIsNotAlerted(SimulatedCluster farm) {
        farm.inject(Fault.badResponse("n3/orders-api", 503, "{\"status\":\"DOWN\"}")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneAlertFor(ORDERS_ON_N3).hasAlert(ORDERS_ON_N3, Status.DEGRADED)
                .hasNoAlertFor(N3);
        assertThat(farm.notifications().alerts().get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
