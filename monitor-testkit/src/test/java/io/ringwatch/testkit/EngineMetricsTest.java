package io.ringwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.metrics.EngineMetrics;
import org.junit.jupiter.api.Test;

/** What an engine counts while it watches, as its status endpoint serves it to Prometheus. */
@SimulatedFarm(nodes = 5)
class EngineMetricsTest {

    @Test
    void countsEveryCheckItMakesAndEveryAlertItSends(SimulatedCluster farm) {
        farm.runFor(farm.detectionWindow());
        farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

        EngineMetrics metrics = farm.engine("n2").metrics();
        assertThat(metrics.checkCount(TargetId.parse("n3"), Status.UP)).isPositive();
        assertThat(metrics.checkCount(TargetId.parse("n3"), Status.DOWN)).isGreaterThanOrEqualTo(farm.config().confirmations());
        assertThat(metrics.checkCount(TargetId.parse("n4/api"), Status.UP)).isPositive();
        assertThat(metrics.checks()).doesNotContainKey(TargetId.parse("n1"));
        assertThat(metrics.deliveries()).hasSize(1);
        assertThat(metrics.deliveries().values().iterator().next()).containsEntry(EngineMetrics.Outcome.SENT, 1L);
        assertThat(farm.engine("n1").metrics().deliveries().values())
                .allSatisfy(outcomes -> assertThat(outcomes).containsEntry(EngineMetrics.Outcome.SENT, 0L));
    }
}
