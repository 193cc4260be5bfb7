package io.ringwatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierSettingsTest {

    @Test
    void neverShowsValuesInToString() {
        var settings = NotifierSettings.of("ops-slack", Map.of("webhook-url", "https://hooks.example/T000/SECRET"));
        assertThat(settings.toString()).contains("ops-slack", "webhook-url").doesNotContain("SECRET", "hooks.example");
    }

    @Test
    void namesChannelAndKeyWhenARequiredSettingIsMissing() {
        var settings = NotifierSettings.of("ops-slack", Map.of("token", " "));
        assertThatThrownBy(() -> settings.require("token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'ops-slack': setting 'token' is required");
    }
}
