package io.ringwatch.notifiers.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackNotifierProviderTest {
    private static final String HOOK_SECRET = "hookS3cretPart";
    private static final String WEBHOOK = "https://hooks.slack.com/services/T000/B000/" + HOOK_SECRET;
    private static final String TOKEN = "xoxb-1234-5678-providerT0ken";

    private final SlackNotifierProvider provider = new SlackNotifierProvider();

    @Test
    void readsAnAppriseWebhookUrl() {
        assertThat(provider.urlSchemes()).containsExactly("slack");
        assertThat(provider.settingsOf("slack://T000/B000/" + HOOK_SECRET))
                .containsExactly(Map.entry("webhook-url", WEBHOOK));
        assertThat(provider.settingsOf("SLACK://T000/B000/" + HOOK_SECRET + "?timeout=5s"))
                .containsExactly(Map.entry("webhook-url", WEBHOOK), Map.entry("timeout", "5s"));
    }

    @Test
    void readsAnAppriseBotUrl() {
        assertThat(provider.settingsOf("slack://" + TOKEN + "/#ops"))
                .containsExactly(Map.entry("token", TOKEN), Map.entry("channel", "#ops"));
        assertThat(provider.settingsOf("slack://" + TOKEN + "/C0123456789?timeout=2s"))
                .containsExactly(Map.entry("token", TOKEN), Map.entry("channel", "C0123456789"), Map.entry("timeout", "2s"));
        assertThat(provider.settingsOf("slack://" + TOKEN + "/%23ops")).containsEntry("channel", "#ops");
    }

    @Test
    void aChannelUrlMakesAWorkingNotifier() {
        Notifier notifier = provider.create(NotifierSettings.of("ops", provider.settingsOf("slack://" + TOKEN + "/#ops")));

        assertThat(notifier).hasToString("SlackNotifier[channel=ops, chat.postMessage https://slack.com:443 to #ops, timeout=PT10S]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack://T000/B000", "slack://T000/B000/" + HOOK_SECRET + "/extra", "slack://" + TOKEN,
            "slack://" + TOKEN + "/#ops/#dev", "slack://", "slack:" + TOKEN})
    void refusesAnotherFormSayingTheExpectedOneWithoutQuotingTheUrl(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form slack://T000/B000/XXXX (an incoming webhook) or "
                        + "slack://xoxb-TOKEN/#channel (chat.postMessage)")
                .withMessageNotContaining(HOOK_SECRET).withMessageNotContaining(TOKEN);
    }

    @Test
    void refusesAnUnknownParameter() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf("slack://" + TOKEN + "/#ops?botname=x"))
                .withMessage("unknown parameter 'botname' in a slack:// URL; known parameters: [timeout]");
    }

    @Test
    void needsAWebhookOrATokenAndAChannel() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("ops")))
                .withMessage("channel 'ops': a slack channel needs setting 'webhook-url' (an incoming webhook), "
                        + "or settings 'token' and 'channel' (chat.postMessage)");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", TOKEN))))
                .withMessage("channel 'ops': setting 'channel' is required");
    }

    @Test
    void refusesBothWays() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("webhook-url", WEBHOOK, "token", TOKEN, "channel", "#ops"))))
                .withMessage("channel 'ops': settings 'webhook-url' and 'token' exclude each other; give an incoming "
                        + "webhook's URL or a bot token, not both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel", "api-url"})
    void refusesABotSettingWithAWebhook(String key) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("webhook-url", WEBHOOK, key, "https://slack.com/api"))))
                .withMessage("channel 'ops': setting '" + key + "' applies only with 'token': an incoming webhook posts "
                        + "to the channel it was made for");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xoxb-1234 5678", "xoxb-1234\n5678", "xoxb-1234\u00005678", "xoxb-ünïcode"})
    void refusesATokenThatCannotBeAHeaderWithoutShowingIt(String token) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("token", token, "channel", "#ops"))))
                .withMessage("channel 'ops': setting 'token' must be a Slack token such as xoxb-…, without blanks or "
                        + "control characters");
    }

    @Test
    void refusesBlankSettingsAndAMalformedUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", " ", "channel", "#ops"))))
                .withMessage("channel 'ops': setting 'token' is blank");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", TOKEN, "channel", ""))))
                .withMessage("channel 'ops': setting 'channel' is blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("webhook-url", "hooks.slack.com/services/" + HOOK_SECRET))))
                .withMessage("channel 'ops': setting 'webhook-url' must be an absolute http or https URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("token", TOKEN, "channel", "#ops", "api-url", "ftp://x"))))
                .withMessage("channel 'ops': setting 'api-url' must be an absolute http or https URL");
    }

    @Test
    void rejectsAnUnknownSettingSoThatATypoIsNotIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("webhook", WEBHOOK))))
                .withMessage("channel 'ops': unknown setting 'webhook' for a slack channel; "
                        + "known settings: [api-url, channel, timeout, token, webhook-url]");
    }

    @Test
    void keepsNoSecretInAnyToString() {
        NotifierSettings webhook = settings(Map.of("webhook-url", WEBHOOK));
        NotifierSettings bot = settings(Map.of("token", TOKEN, "channel", "#ops"));

        assertThat(provider.create(webhook)).hasToString(
                "SlackNotifier[channel=ops, incoming webhook https://hooks.slack.com:443, timeout=PT10S]");
        assertThat(String.join("\n", webhook.toString(), bot.toString(), SlackSettings.from(webhook).toString(),
                SlackSettings.from(bot).toString(), provider.create(bot).toString(), provider.toString()))
                .doesNotContain(HOOK_SECRET, "/services", TOKEN, "providerT0ken");
    }

    private static NotifierSettings settings(Map<String, String> values) {
        return NotifierSettings.of("ops", values);
    }
}
