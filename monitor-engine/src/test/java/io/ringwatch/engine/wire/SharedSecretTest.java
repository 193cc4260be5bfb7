package io.ringwatch.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedSecretTest {
    private static final String VALUE = "correct-horse-battery-staple";

    @Test
    void matchesOnlyItsOwnBearerHeader() {
        SharedSecret secret = SharedSecret.of(VALUE);
        assertThat(secret.matches("Bearer " + VALUE)).isTrue();
        assertThat(secret.matches("bearer " + VALUE)).isTrue();
        assertThat(secret.matches("Bearer " + VALUE + "x")).isFalse();
        assertThat(secret.matches("Bearer " + VALUE.substring(1))).isFalse();
        assertThat(secret.matches(VALUE)).isFalse();
        assertThat(secret.matches("Basic " + VALUE)).isFalse();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret.authorization()).isEqualTo("Bearer " + VALUE);
    }

    @Test
    void neverShowsItself() {
        assertThat(SharedSecret.of(VALUE).toString()).doesNotContain(VALUE).contains("hidden");
    }

    @Test
    void aShortSecretIsRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> SharedSecret.of("hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters, it has 7")
                .hasMessageNotContaining("hunter2");
    }
}
