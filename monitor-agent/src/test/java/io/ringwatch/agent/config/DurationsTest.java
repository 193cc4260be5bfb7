package io.ringwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "5m, PT5M",
        "1h, PT1H",
        "1h30m, PT1H30M",
        "14d, PT336H",
        "1m30s250ms, PT1M30.25S",
        "PT30S, PT30S",
        "P2D, PT48H",
    })
    void readsShortAndIsoForms(String text, String iso) {
        assertThat(Durations.parse(text)).contains(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "60", "30 s", "1.5s", "5m1h", "1h1h", "-5s", "PT", "30S", "9999999999s"})
    void refusesAnythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    void writesTheShortForm() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void describesForPeople() {
        assertThat(Durations.describe(Duration.ofSeconds(60))).isEqualTo("60 s");
        assertThat(Durations.describe(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(Durations.describe(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(Durations.describe(Duration.ofHours(3))).isEqualTo("3 h");
    }
}
