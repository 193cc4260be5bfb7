package io.ringwatch.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.TargetId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPatternTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "n3, n3, true",
            "n3, n3/orders-api, true",
            "n3, n31, false",
            "n3, n2/orders-api, false",
            "n3/orders-api, n3/orders-api, true",
            "n3/orders-api, n3, false",
            "n3/*, n3/orders-api, true",
            "n3/*, n3, false",
            "*/orders-api, n7/orders-api, true",
            "*/orders-api, n7/billing, false",
            "web-*, web-01/api, true",
            "web-*, db-01, false",
            "*, db-01, true",
            "*, db-01/api, true",
            "*-api, n1/orders-api, false",
            "n*/*-api, n1/orders-api, true",
            "n.3, nx3, false"
    })
    void coversTheTargetsItsTextSays(String pattern, String target, boolean covered) {
        assertThat(TargetPattern.of(pattern).matches(TargetId.parse(target))).isEqualTo(covered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "n3/", "/api", "n3/api/x", "n 3", "n3;rm", "a\nb"})
    void refusesWhatIsNotATargetPattern(String text) {
        assertThatThrownBy(() -> TargetPattern.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a target pattern");
    }

    @Test
    void isEqualToAnotherOfTheSameText() {
        assertThat(TargetPattern.of(" n3/* ")).isEqualTo(TargetPattern.of("n3/*")).hasToString("n3/*");
    }
}
