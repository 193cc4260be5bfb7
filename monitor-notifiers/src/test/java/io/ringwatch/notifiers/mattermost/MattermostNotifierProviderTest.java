package io.ringwatch.notifiers.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MattermostNotifierProviderTest {
    private static final String KEY = "providerkey8w2m5";
    private static final String WEBHOOK = "https://chat.example.com/hooks/" + KEY;

    private final MattermostNotifierProvider provider = new MattermostNotifierProvider();

    @ParameterizedTest
    @CsvSource({
            "mmosts://chat.example.com/" + KEY + ", https://chat.example.com/hooks/" + KEY,
            "mmost://chat.example.com:8065/" + KEY + ", http://chat.example.com:8065/hooks/" + KEY,
            "mmosts://example.com/mattermost/" + KEY + ", https://example.com/mattermost/hooks/" + KEY,
            "mmosts://chat.example.com/hooks/" + KEY + ", https://chat.example.com/hooks/" + KEY,
            "MMOSTS://example.com/a/b/hooks/" + KEY + "/, https://example.com/a/b/hooks/" + KEY})
    void readsTheWebhookOfAnAppriseUrl(String url, String webhook) {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("mmost", "mmosts");
        assertThat(provider.settingsOf(url)).containsExactly(Map.entry("webhook-url", webhook));
    }

    @Test
    void readsTheUserNameAndTheParameters() {
        assertThat(provider.settingsOf("mmosts://Ring%20watch@chat.example.com/" + KEY
                + "?channel=ops-alerts&icon-url=https%3A%2F%2Fringwatch.example%2Fi.png&timeout=5s"))
                .containsExactly(Map.entry("webhook-url", WEBHOOK), Map.entry("username", "Ring watch"),
                        Map.entry("channel", "ops-alerts"), Map.entry("icon-url", "https://ringwatch.example/i.png"),
                        Map.entry("timeout", "5s"));
    }

    @Test
    void aChannelUrlMakesAWorkingNotifier() {
        assertThat(provider.create(NotifierSettings.of("ops", provider.settingsOf("mmosts://chat.example.com/" + KEY))))
                .hasToString("MattermostNotifier[channel=ops, webhook=https://chat.example.com:443, timeout=PT10S]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mmosts://chat.example.com", "mmosts://chat.example.com/", "mmosts://bot@/" + KEY, "mmosts://"})
    void refusesAnotherFormSayingTheExpectedOneWithoutQuotingTheUrl(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form mmosts://[USERNAME@]HOST[:PORT][/PATH]/KEY")
                .withMessageNotContaining(KEY);
    }

    @Test
    void refusesAnUnknownParameter() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf("mmosts://h.example/" + KEY + "?icon=x"))
                .withMessage("unknown parameter 'icon' in a mmosts:// URL; known parameters: [channel, icon-url, timeout]");
    }

    @Test
    void checksTheSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("ops")))
                .withMessage("channel 'ops': setting 'webhook-url' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("channel", " "))))
                .withMessage("channel 'ops': setting 'channel' is blank; remove it, or give it a value");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("icon-url", "icon.png"))))
                .withMessage("channel 'ops': setting 'icon-url' must be an absolute http or https URL");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("icon_url", "x"))))
                .withMessage("channel 'ops': unknown setting 'icon_url' for a mattermost channel; "
                        + "known settings: [channel, icon-url, timeout, username, webhook-url]");
    }

    @Test
    void keepsNoSecretInAnyToString() {
        NotifierSettings settings = settings(Map.of("channel", "ops-alerts"));

        assertThat(MattermostSettings.from(settings)).hasToString(
                "MattermostSettings[channel=ops, webhook=https://chat.example.com:443, posts to ops-alerts, timeout=PT10S]");
        assertThat(String.join("\n", settings.toString(), provider.create(settings).toString(), provider.toString()))
                .doesNotContain(KEY, "/hooks");
    }

    private static NotifierSettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.putIfAbsent("webhook-url", WEBHOOK);
        return NotifierSettings.of("ops", values);
    }
}
