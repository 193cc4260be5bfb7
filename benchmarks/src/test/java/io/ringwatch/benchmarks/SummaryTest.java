package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void takesTheMedianOfAnOddNumberOfRunsAndTheMeanOfTheMiddleTwoOfAnEvenNumber() {
        assertThat(new Summary(2, List.of(run(3.0), run(9.0), run(4.0))).medianWall()).isEqualTo(4.0);
        assertThat(new Summary(2, List.of(run(3.0), run(9.0), run(4.0), run(5.0))).medianWall()).isEqualTo(4.5);
    }

    @Test
    void judgesTheTargetOnlyForTheIssuesFarm() {
        assertThat(new Summary(2, List.of(run(9.9))).line()).endsWith("target<10s=MET");
        assertThat(new Summary(2, List.of(run(10.0))).line()).endsWith("target<10s=MISSED");
        assertThat(new Summary(2, List.of(run(1000, 2, 1.0, false))).line()).doesNotContain("target");
    }

    @Test
    void saysWhenARunStoppedAtItsBudget() {
        assertThat(new Summary(2, List.of(run(1000, 24, 1.0, true))).line())
                .contains("1 run(s) STOPPED-BY-BUDGET").doesNotContain("target");
    }

    @Test
    void leavesWarmUpsOut() {
        RunResult warmup = new RunResult("warm-up 1/1", true, 2, 1000, 24, false, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0,
                Day.Verdict.pass(""));

        assertThatThrownBy(() -> new Summary(2, List.of(warmup))).isInstanceOf(IllegalArgumentException.class);
    }

    private static RunResult run(double wallSeconds) {
        return run(1000, 24, wallSeconds, false);
    }

    private static RunResult run(int nodes, long hours, double wallSeconds, boolean stopped) {
        long wall = (long) (wallSeconds * 1e9);
        return new RunResult("run", false, 2, nodes, hours, stopped, 0, wall, 1000, 0, 10, 0, 0, 0, 0, 0, 0, wall, 0, 0,
                Day.Verdict.pass(""));
    }
}
