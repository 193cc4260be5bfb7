package io.ringwatch.notifiers.pushover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushoverNotifierProviderTest {
    private static final String USER_KEY = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";
    private static final String APP_TOKEN = "azGDORePK8gMaC0QOYAMyEEuzJnyUi";

    private final PushoverNotifierProvider provider = new PushoverNotifierProvider();

    @Test
    void readsAChannelUrlOfUserKeyTokenAndDevice() {
        assertThat(provider.urlSchemes()).containsExactly("pover");
        assertThat(provider.settingsOf("pover://" + USER_KEY + "@" + APP_TOKEN + "/phone?emergency=true&sound=siren"))
                .containsExactly(Map.entry("user-key", USER_KEY), Map.entry("app-token", APP_TOKEN), Map.entry("device", "phone"),
                        Map.entry("emergency", "true"), Map.entry("sound", "siren"));
        assertThat(provider.settingsOf("pover://" + USER_KEY + "@" + APP_TOKEN)).doesNotContainKey("device");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pover://", "pover://" + APP_TOKEN, "pover://@" + APP_TOKEN, "pover://" + USER_KEY + "@",
            "pover://" + USER_KEY + "@" + APP_TOKEN + "/phone/tablet", "pover://a@b@c"})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form pover://USER_KEY@APP_TOKEN")
                .withMessageNotContaining(USER_KEY).withMessageNotContaining(APP_TOKEN);
    }

    @Test
    void aUrlsSettingsMakeANotifier() {
        assertThat(provider.create(NotifierSettings.of("pager", provider.settingsOf("pover://" + USER_KEY + "@" + APP_TOKEN))))
                .hasToString("PushoverNotifier[channel=pager, api=https://api.pushover.net:443, device=all, emergency=false, "
                        + "timeout=PT10S]");
    }

    @Test
    void requiresTheUserKeyAndTheAppToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("pager", Map.of("app-token", APP_TOKEN))))
                .withMessage("channel 'pager': setting 'user-key' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("pager", Map.of("user-key", USER_KEY))))
                .withMessage("channel 'pager': setting 'app-token' is required");
    }

    @Test
    void rejectsKeysOfAnotherFormWithoutShowingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("user-key", "short"))))
                .withMessage("channel 'pager': setting 'user-key' must be the user's or group's key: 30 letters and digits");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("app-token", APP_TOKEN + "x"))))
                .withMessage("channel 'pager': setting 'app-token' must be the application's API token: 30 letters and digits");
    }

    @Test
    void readsTheEmergencyRetryAndExpiry() {
        PushoverSettings settings = PushoverSettings.from(settings(Map.of("emergency", "YES", "retry", "90s", "expire", "PT2H")));

        assertThat(settings.emergency()).get().isEqualTo(new PushoverSettings.Emergency(Duration.ofSeconds(90), Duration.ofHours(2)));
        assertThat(PushoverSettings.from(settings(Map.of("emergency", "true"))).emergency()).get()
                .isEqualTo(new PushoverSettings.Emergency(Duration.ofSeconds(60), Duration.ofHours(1)));
        assertThat(PushoverSettings.from(settings(Map.of())).emergency()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"29s", "4h", "soon", "-1m"})
    void rejectsARetryOutsidePushoversLimits(String retry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("emergency", "true", "retry", retry))))
                .withMessage("channel 'pager': setting 'retry' must be a duration from 30s to 3h, such as 60s or 5m");
    }

    @Test
    void rejectsAnExpiryBeyondThreeHours() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("emergency", "true", "expire", "181m"))))
                .withMessage("channel 'pager': setting 'expire' must be a duration from 30s to 3h, such as 30m or 1h");
    }

    @Test
    void rejectsRetryWithoutEmergencyAndAnEmergencyThatIsNotABoolean() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("retry", "60s"))))
                .withMessage("channel 'pager': setting 'retry' applies only with 'emergency' true");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("emergency", "always"))))
                .withMessage("channel 'pager': setting 'emergency' must be true or false");
    }

    @Test
    void rejectsADeviceOrSoundOfAnotherForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("device", "my phone"))))
                .withMessageStartingWith("channel 'pager': setting 'device' must be device names");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("sound", "a b"))))
                .withMessageStartingWith("channel 'pager': setting 'sound' must be the name of a Pushover sound");
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("priority", "2"))))
                .withMessage("channel 'pager': unknown setting 'priority' for a pushover channel; known settings: "
                        + "[api-url, app-token, device, emergency, expire, retry, sound, timeout, user-key]");
    }

    @Test
    void keepsTheKeysOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of("emergency", "true"));

        assertThat(String.join("\n", settings.toString(), PushoverSettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString())).doesNotContain(USER_KEY, APP_TOKEN);
    }

    private static NotifierSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("user-key", USER_KEY, "app-token", APP_TOKEN));
        all.putAll(values);
        return NotifierSettings.of("pager", all);
    }
}
