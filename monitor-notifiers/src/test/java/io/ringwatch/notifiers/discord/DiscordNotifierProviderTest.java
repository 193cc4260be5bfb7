package io.ringwatch.notifiers.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscordNotifierProviderTest {
    private static final String TOKEN = "pr0viderT0ken_abc-DEF";
    private static final String WEBHOOK = "https://discord.com/api/webhooks/112233445566778899/" + TOKEN;

    private final DiscordNotifierProvider provider = new DiscordNotifierProvider();

    @Test
    void readsAnAppriseUrl() {
        assertThat(provider.urlSchemes()).containsExactly("discord");
        assertThat(provider.settingsOf("discord://112233445566778899/" + TOKEN))
                .containsExactly(Map.entry("webhook-url", WEBHOOK));
        assertThat(provider.settingsOf("discord://Ring%20watch@112233445566778899/" + TOKEN
                + "/?avatar-url=https%3A%2F%2Fringwatch.example%2Fa.png&timeout=5s"))
                .containsExactly(Map.entry("webhook-url", WEBHOOK), Map.entry("username", "Ring watch"),
                        Map.entry("avatar-url", "https://ringwatch.example/a.png"), Map.entry("timeout", "5s"));
    }

    @Test
    void aChannelUrlMakesAWorkingNotifier() {
        assertThat(provider.create(NotifierSettings.of("ops", provider.settingsOf("discord://1122/" + TOKEN))))
                .hasToString("DiscordNotifier[channel=ops, webhook=https://discord.com:443, timeout=PT10S]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord://112233445566778899", "discord://112233445566778899/" + TOKEN + "/extra",
            "discord://bot@/" + TOKEN, "discord://", "discord:/112233445566778899/" + TOKEN})
    void refusesAnotherFormSayingTheExpectedOneWithoutQuotingTheUrl(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form discord://[USERNAME@]WEBHOOK_ID/WEBHOOK_TOKEN")
                .withMessageNotContaining(TOKEN);
    }

    @Test
    void refusesAnUnknownParameter() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf("discord://1/" + TOKEN + "?tts=yes"))
                .withMessage("unknown parameter 'tts' in a discord:// URL; known parameters: [avatar-url, timeout]");
    }

    @Test
    void requiresTheWebhookUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("ops")))
                .withMessage("channel 'ops': setting 'webhook-url' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("webhook-url", " "))))
                .withMessage("channel 'ops': setting 'webhook-url' is blank");
    }

    @Test
    void checksTheOptionalSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("username", "x".repeat(81)))))
                .withMessage("channel 'ops': setting 'username' is longer than Discord's 80 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("avatar-url", "avatar.png"))))
                .withMessage("channel 'ops': setting 'avatar-url' must be an absolute http or https URL");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("username", ""))))
                .withMessage("channel 'ops': setting 'username' is blank; remove it, or give it a value");
    }

    @Test
    void rejectsAnUnknownSettingSoThatATypoIsNotIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("user-name", "x"))))
                .withMessage("channel 'ops': unknown setting 'user-name' for a discord channel; "
                        + "known settings: [avatar-url, timeout, username, webhook-url]");
    }

    @Test
    void keepsNoSecretInAnyToString() {
        NotifierSettings settings = settings(Map.of("username", "Ringwatch"));

        assertThat(DiscordSettings.from(settings)).hasToString(
                "DiscordSettings[channel=ops, webhook=https://discord.com:443, username=Ringwatch, timeout=PT10S]");
        assertThat(String.join("\n", settings.toString(), provider.create(settings).toString(), provider.toString()))
                .doesNotContain(TOKEN, "/api/webhooks");
    }

    private static NotifierSettings settings(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(extra);
        values.putIfAbsent("webhook-url", WEBHOOK);
        return NotifierSettings.of("ops", values);
    }
}
