package io.ringwatch.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void showsADurationInTheLargestUnitThatKeepsItWhole() {
        assertThat(Durations.human(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(Duration.ofSeconds(90)).satisfies(d -> assertThat(Durations.human(d)).isEqualTo("90 s"));
        assertThat(Durations.human(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(Durations.human(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(Durations.human(Duration.ZERO)).isEqualTo("0 ms");
    }

    @Test
    void showsADurationForATableInItsTwoLargestUnits() {
        assertThat(Durations.compact(Duration.ofDays(3).plusHours(4).plusMinutes(59))).isEqualTo("3d 4h");
        assertThat(Durations.compact(Duration.ofHours(2).plusMinutes(5).plusSeconds(59))).isEqualTo("2h 05m");
        assertThat(Durations.compact(Duration.ofMinutes(4).plusSeconds(10).plusMillis(999))).isEqualTo("4m 10s");
        assertThat(Durations.compact(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Durations.compact(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}
