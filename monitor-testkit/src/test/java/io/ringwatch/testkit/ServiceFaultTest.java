package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SimulatedFarm(nodes = 5)
class ServiceFaultTest {
    private static final TargetId N3 = TargetId.parse("n3");
    private static final TargetId API = TargetId.parse("n3/api");

    @Test
    void aServiceThatRefusesIsDownAndItsNodeIsNot(SimulatedCluster farm) {
        farm.inject(Fault.serviceDown("n3/api")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneAlertFor(API).hasAlert(API, Status.DOWN).hasNothingFor(N3);
    }

    @Test
    void aServiceThatAnswers503IsDegradedWithAWarning(SimulatedCluster farm) {
        farm.inject(Fault.badResponse("n3/api", 503, "{\"status\":\"DOWN\"}")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasAlert(API, Status.DEGRADED);
        Notification alert = farm.notifications().alerts().get(0);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.reason()).isEqualTo("HTTP 503, expected 200-299");
        assertThat(alert.headline()).isEqualTo("WARNING: api DEGRADED on node n3");
    }

    @Test
    void aSlowServiceIsDegradedAndOneSlowerThanTheTimeoutIsDown(SimulatedCluster farm) {
        farm.inject(Fault.slowResponse("n3/api", Duration.ofSeconds(7))).runFor(farm.detectionWindow());
        assertThat(farm.notifications()).hasAlert(API, Status.DEGRADED);
        assertThat(farm.notifications().alerts().get(0).reason()).isEqualTo("slow: 7000 ms, more than 5000 ms");

        farm.inject(Fault.slowResponse("n3/api", Duration.ofSeconds(30))).runFor(farm.detectionWindow());
        assertThat(farm.notifications()).hasAlert(API, Status.DOWN);
        assertThat(farm.notifications().alerts().get(1).reason()).startsWith("timed out");
        assertThat(farm.notifications()).hasOneIncidentKeyFor(API);
    }

    @Test
    void aCrashedNodeIsOneAlertThatCoversItsServices(SimulatedCluster farm) {
        farm.inject(Fault.crash("n3")).runFor(Duration.ofMinutes(30));

        assertThat(farm.notifications()).hasExactlyOneAlertFor(N3).hasNothingFor(API);
    }

    @Test
    @SimulatedFarm(nodes = 4, services = {"orders-api", "billing-api"})
    void eachServiceOfANodeIsJudgedOnItsOwn(SimulatedCluster farm) {
        farm.inject(Fault.badResponse("n3/billing-api", 500, "oops")).runFor(farm.detectionWindow())
                .inject(Fault.recovery("n3/billing-api")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneAlertFor(TargetId.parse("n3/billing-api"))
                .hasExactlyOneRecoveryFor(TargetId.parse("n3/billing-api")).hasNothingFor(TargetId.parse("n3/orders-api"))
                .hasKindsExactly(NotificationKind.ALERT, NotificationKind.RECOVERY);
    }
}
