package io.ringwatch.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {
    private static final TargetId N2 = TargetId.parse("n2");

    private final EngineMetrics metrics = new EngineMetrics();

    @Test
    void countsChecksByTargetAndResult() {
        metrics.recordCheck(N2, ProbeResult.up(Duration.ofMillis(3)));
        metrics.recordCheck(N2, ProbeResult.up(Duration.ofMillis(4)));
        metrics.recordCheck(N2, ProbeResult.down(Duration.ofMillis(500), "timed out"));

        assertThat(metrics.checkCount(N2, Status.UP)).isEqualTo(2);
        assertThat(metrics.checkCount(N2, Status.DOWN)).isEqualTo(1);
        assertThat(metrics.checkCount(N2, Status.DEGRADED)).isZero();
        assertThat(metrics.checkCount(TargetId.parse("n3"), Status.UP)).isZero();
        assertThat(metrics.checks().get(N2)).containsEntry(Status.UP, 2L).containsEntry(Status.DOWN, 1L);
    }

    @Test
    void latenciesFallIntoCumulativeBuckets() {
        metrics.recordCheck(N2, ProbeResult.up(Duration.ofMillis(3)));     // <= 0.005
        metrics.recordCheck(N2, ProbeResult.up(Duration.ofMillis(5)));     // <= 0.005, on the bound
        metrics.recordCheck(N2, ProbeResult.up(Duration.ofMillis(300)));   // <= 0.5
        metrics.recordCheck(N2, ProbeResult.down(Duration.ofSeconds(30), "timed out")); // +Inf

        LatencyHistogram histogram = metrics.latencies().get(N2);
        long[] cumulative = histogram.cumulativeCounts();
        assertThat(cumulative[0]).isEqualTo(2);
        assertThat(cumulative[LatencyHistogram.BOUNDS_SECONDS.indexOf(0.25)]).isEqualTo(2);
        assertThat(cumulative[LatencyHistogram.BOUNDS_SECONDS.indexOf(0.5)]).isEqualTo(3);
        assertThat(cumulative[cumulative.length - 2]).isEqualTo(3);
        assertThat(cumulative[cumulative.length - 1]).isEqualTo(4).isEqualTo(histogram.count());
        assertThat(histogram.sumSeconds()).isCloseTo(30.308, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void countsNotificationOutcomesByChannelFromEvents() {
        metrics.observe(event(EventKind.NOTIFICATION_SENT, "chat"));
        metrics.observe(event(EventKind.NOTIFICATION_SENT, "chat"));
        metrics.observe(event(EventKind.NOTIFICATION_FAILED, "chat"));
        metrics.observe(event(EventKind.NOTIFICATION_FAILED, "phone"));
        metrics.observe(event(EventKind.STATE_CHANGED, "chat"));

        assertThat(metrics.deliveries().get("chat"))
                .containsEntry(EngineMetrics.Outcome.SENT, 2L).containsEntry(EngineMetrics.Outcome.FAILED, 1L);
        assertThat(metrics.deliveries().get("phone"))
                .containsEntry(EngineMetrics.Outcome.SENT, 0L).containsEntry(EngineMetrics.Outcome.FAILED, 1L);
        assertThat(metrics.deliveries()).containsOnlyKeys("chat", "phone");
    }

    private static Event event(EventKind kind, String channel) {
        return Event.builder(kind).at(Instant.parse("2026-11-24T10:00:00Z")).observer(NodeId.of("n1"))
                .target(N2).message("m").attribute("channel", channel).build();
    }
}
