package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    private static final LatencyOptions DEFAULTS = LatencyOptions.parse();

    @Test
    void setsTheLatenciesAgainstTheFormulaAndTheFormulaPlusJitter() {
        LatencySummary summary = new LatencySummary(DEFAULTS, 0.1, List.of(run(1, 1.2), run(2, 1.75), run(3, 0.9), run(4, 1.9)));

        assertThat(summary.formulaSeconds()).isEqualTo(1.7);
        assertThat(summary.formulaWithJitterSeconds()).isEqualTo(1.8);
        assertThat(summary.shareWithin(1.7)).isEqualTo(0.5);
        assertThat(summary.shareWithin(1.8)).isEqualTo(0.75);
        assertThat(summary.lines()).as("the whole summary").containsExactly(
                "summary: runs=4 misses=0 other failures=0 duplicate alerts=0 (in 0 runs) alerts about other nodes=0 flapping notices=0",
                "latency s: min=0.900 p50=1.200 p90=1.900 p99=1.900 max=1.900 mean=1.438 (n=4, nearest rank)",
                "formula: interval + (confirmations - 1) x retry + timeout = 1000 ms + 1 x 200 ms + 500 ms = 1.700 s;"
                        + " within it: 50% of runs",
                "formula + jitter: plus up to interval x jitter = 1000 ms x 0.10 of cycle jitter = 1.800 s; within it: 75% of runs");
        assertThat(summary.allWell()).isTrue();
    }

    @Test
    void countsAMissAsAFailureAndAsOutsideEveryBound() {
        LatencyRun missed = new LatencyRun(2, "n2", "no alert within 15 s", true, null, -1, -1, 0, 0, 0);
        LatencySummary summary = new LatencySummary(DEFAULTS, 0.1, List.of(run(1, 1.0), missed));

        assertThat(summary.misses()).isEqualTo(1);
        assertThat(summary.allWell()).isFalse();
        assertThat(summary.latencies()).containsExactly(1.0);
        assertThat(summary.shareWithin(10)).isEqualTo(0.5);
        assertThat(missed.line(2)).isEqualTo("run 2/2: killed n2, FAILED: no alert within 15 s");
    }

    @Test
    void countsEveryAlertBeyondTheFirstOfARunAsADuplicate() {
        LatencyRun twice = LatencyRun.detected(1, "n3", "n2", 1_234_000_000L, 1_900_000_000L, 3, 1, 1);
        LatencySummary summary = new LatencySummary(DEFAULTS, 0.1, List.of(twice, run(2, 1.0)));

        assertThat(summary.duplicates()).isEqualTo(2);
        assertThat(summary.runsWithDuplicates()).isEqualTo(1);
        assertThat(summary.strayAlerts()).isEqualTo(1);
        assertThat(summary.flappingNotices()).isEqualTo(1);
        assertThat(twice.line(50)).isEqualTo("run 1/50: killed n3, alert from n2 after 1.234 s (recovery 1.9 s),"
                + " 2 duplicate alert(s), 1 alert(s) about other nodes, 1 flapping notice(s)");
    }

    @Test
    void needsRuns() {
        assertThatThrownBy(() -> new LatencySummary(DEFAULTS, 0.1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static LatencyRun run(int number, double latencySeconds) {
        return LatencyRun.detected(number, "n1", "n5", (long) (latencySeconds * 1e9), 2_000_000_000L, 1, 0, 0);
    }
}
