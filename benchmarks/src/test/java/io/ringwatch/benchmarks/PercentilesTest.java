package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheValueAtTheCeilingOfTheRankWithoutInterpolating() {
        double[] values = {15, 20, 35, 40, 50};

        assertThat(Percentiles.nearestRank(values, 5)).isEqualTo(15);
        assertThat(Percentiles.nearestRank(values, 30)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(values, 40)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(35);
        assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(50);
    }

    @Test
    void sortsACopyAndLeavesTheCallersValuesAlone() {
        double[] values = {3, 1, 2};

        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(2);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void p99OfAHundredIsTheNinetyNinthValueAndOfFiftyIsTheLargest() {
        double[] hundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        double[] fifty = IntStream.rangeClosed(1, 50).asDoubleStream().toArray();

        assertThat(Percentiles.nearestRank(hundred, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(hundred, 90)).isEqualTo(90);
        assertThat(Percentiles.nearestRank(fifty, 99)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(fifty, 50)).isEqualTo(25);
    }

    @Test
    void everyPercentileOfOneValueIsThatValue() {
        assertThat(Percentiles.nearestRank(new double[] {1.7}, 0.1)).isEqualTo(1.7);
        assertThat(Percentiles.nearestRank(new double[] {1.7}, 99)).isEqualTo(1.7);
    }

    @Test
    void refusesNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[0], 50)).hasMessage("no values to take a percentile of");
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 0))
                .hasMessage("percentile must be above 0 and at most 100, was 0.0");
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
