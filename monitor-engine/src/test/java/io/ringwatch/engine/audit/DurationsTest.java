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
}
