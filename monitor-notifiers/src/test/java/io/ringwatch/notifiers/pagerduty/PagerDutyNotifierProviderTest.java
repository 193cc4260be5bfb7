package io.ringwatch.notifiers.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagerDutyNotifierProviderTest {
    private static final String KEY = "e93facc04764012d7bfb002500d5d1a6";

    private final PagerDutyNotifierProvider provider = new PagerDutyNotifierProvider();

    @Test
    void readsARoutingKeyUrl() {
        assertThat(provider.urlSchemes()).containsExactly("pagerduty");
        assertThat(provider.settingsOf("pagerduty://" + KEY)).containsExactly(Map.entry("routing-key", KEY));
        assertThat(provider.settingsOf("PagerDuty://" + KEY + "?region=eu&group=eu%20farm&timeout=5s"))
                .containsExactly(Map.entry("routing-key", KEY), Map.entry("api-url", "https://events.eu.pagerduty.com"),
                        Map.entry("group", "eu farm"), Map.entry("timeout", "5s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pagerduty://", "pagerduty:/" + KEY, "pagerduty://" + KEY + "/extra",
            "pagerduty://" + KEY + "?region=mars", "pagerduty://" + KEY + "?routing=x"})
    void refusesAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form pagerduty://ROUTING_KEY[?region=eu&group=G&timeout=10s]")
                .withMessageNotContaining(KEY);
    }

    @Test
    void aUrlGivesSettingsTheProviderAccepts() {
        NotifierSettings settings = NotifierSettings.of("pager", provider.settingsOf("pagerduty://" + KEY + "?region=eu"));

        assertThat(provider.create(settings)).hasToString(
                "PagerDutyNotifier[channel=pager, api=https://events.eu.pagerduty.com:443, timeout=PT10S]");
    }

    @Test
    void sendsToPagerDutyByDefault() {
        PagerDutySettings settings = PagerDutySettings.from(settings(Map.of()));

        assertThat(settings.enqueueUrl()).hasToString("https://events.pagerduty.com/v2/enqueue");
        assertThat(settings.group()).isEmpty();
    }

    @Test
    void keepsTheRoutingKeyOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of("group", "eu-farm"));

        assertThat(String.join("\n", settings.toString(), PagerDutySettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString())).doesNotContain(KEY);
    }

    @Test
    void requiresARoutingKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("pager")))
                .withMessage("channel 'pager': setting 'routing-key' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("routing-key", "  "))))
                .withMessage("channel 'pager': setting 'routing-key' is blank");
    }

    @Test
    void refusesARoutingKeyWithSpacesWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("routing-key", KEY + " x"))))
                .withMessage("channel 'pager': setting 'routing-key' must be printable ASCII without spaces, "
                        + "as PagerDuty's integration keys are");
    }

    @Test
    void refusesABlankGroupAndABadApiUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("group", ""))))
                .withMessage("channel 'pager': setting 'group' is blank; remove it, or give it a value");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("api-url", "events.pagerduty.com"))))
                .withMessage("channel 'pager': setting 'api-url' must be an absolute http or https URL");
    }

    @Test
    void refusesAnUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("routing_key", KEY))))
                .withMessage("channel 'pager': unknown setting 'routing_key' for a pagerduty channel; "
                        + "known settings: [api-url, group, routing-key, timeout]");
    }

    @Test
    void refusesABadTimeout() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("timeout", "2h"))))
                .withMessageStartingWith("channel 'pager': setting 'timeout' must be a positive duration");
    }

    private static NotifierSettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.putIfAbsent("routing-key", KEY);
        return NotifierSettings.of("pager", values);
    }
}
