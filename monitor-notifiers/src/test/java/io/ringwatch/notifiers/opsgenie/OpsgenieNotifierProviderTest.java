package io.ringwatch.notifiers.opsgenie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpsgenieNotifierProviderTest {
    private static final String KEY = "eb243592-faa2-4ba2-a551-1afdf565c889";

    private final OpsgenieNotifierProvider provider = new OpsgenieNotifierProvider();

    @Test
    void readsAnApiKeyUrl() {
        assertThat(provider.urlSchemes()).containsExactly("opsgenie");
        assertThat(provider.settingsOf("opsgenie://" + KEY)).containsExactly(Map.entry("api-key", KEY));
        assertThat(provider.settingsOf("opsgenie://" + KEY + "?region=eu&timeout=5s"))
                .containsExactly(Map.entry("api-key", KEY), Map.entry("api-url", "https://api.eu.opsgenie.com"),
                        Map.entry("timeout", "5s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"opsgenie://", "opsgenie:" + KEY, "opsgenie://" + KEY + "/@user",
            "opsgenie://" + KEY + "?region=apac", "opsgenie://" + KEY + "?priority=P1"})
    void refusesAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form opsgenie://API_KEY[?region=eu&timeout=10s]")
                .withMessageNotContaining(KEY);
    }

    @Test
    void talksToTheUsRegionByDefaultAndTheEuRegionWhenAskedTo() {
        assertThat(provider.create(settings(Map.of()))).hasToString(
                "OpsgenieNotifier[channel=genie, api=https://api.opsgenie.com:443, timeout=PT10S]");
        assertThat(provider.create(NotifierSettings.of("genie", provider.settingsOf("opsgenie://" + KEY + "?region=eu"))))
                .hasToString("OpsgenieNotifier[channel=genie, api=https://api.eu.opsgenie.com:443, timeout=PT10S]");
    }

    @Test
    void keepsTheKeyOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of());

        assertThat(String.join("\n", settings.toString(), OpsgenieSettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString())).doesNotContain(KEY);
    }

    @Test
    void requiresAKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("genie")))
                .withMessage("channel 'genie': setting 'api-key' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("api-key", ""))))
                .withMessage("channel 'genie': setting 'api-key' is blank");
    }

    @Test
    void refusesAKeyThatWouldBreakTheHeaderWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("api-key", KEY + "\r\nX-Evil: 1"))))
                .withMessage("channel 'genie': setting 'api-key' must be printable ASCII without spaces, as Opsgenie's API keys are");
    }

    @Test
    void refusesAnUnknownSettingAndABadApiUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("region", "eu"))))
                .withMessage("channel 'genie': unknown setting 'region' for an opsgenie channel; known settings: [api-key, api-url, timeout]");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("api-url", "api.eu.opsgenie.com"))))
                .withMessage("channel 'genie': setting 'api-url' must be an absolute http or https URL");
    }

    private static NotifierSettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.putIfAbsent("api-key", KEY);
        return NotifierSettings.of("genie", values);
    }
}
