package io.ringwatch.notifiers.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramNotifierProviderTest {
    private static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    private final TelegramNotifierProvider provider = new TelegramNotifierProvider();

    @Test
    void readsAChannelUrlOfTokenAndChat() {
        assertThat(provider.urlSchemes()).containsExactly("tgram");
        assertThat(provider.settingsOf("tgram://" + TOKEN + "/-1001234567890?timeout=5s"))
                .containsExactly(Map.entry("token", TOKEN), Map.entry("chat-id", "-1001234567890"), Map.entry("timeout", "5s"));
        assertThat(provider.settingsOf("tgram://" + TOKEN + "/%40ops_alerts"))
                .containsEntry("chat-id", "@ops_alerts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tgram://", "tgram://" + TOKEN, "tgram://" + TOKEN + "/", "tgram://" + TOKEN + "/-100/-200",
            "tgram:" + TOKEN})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form tgram://TOKEN/CHAT_ID")
                .withMessageNotContaining("ABC-DEF");
    }

    @Test
    void aUrlsSettingsMakeANotifier() {
        Map<String, String> settings = provider.settingsOf("tgram://" + TOKEN + "/-1001234567890");

        assertThat(provider.create(NotifierSettings.of("tg", settings)))
                .hasToString("TelegramNotifier[channel=tg, chat=-1001234567890, api=https://api.telegram.org:443, timeout=PT10S]");
    }

    @Test
    void requiresATokenAndAChat() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("tg", Map.of("chat-id", "1"))))
                .withMessage("channel 'tg': setting 'token' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("tg", Map.of("token", TOKEN))))
                .withMessage("channel 'tg': setting 'chat-id' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", "  "))))
                .withMessage("channel 'tg': setting 'token' is blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "123456:short", "123456:ABC-DEF1234ghIkl/zyx57W2v1u123ew11",
            "bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"})
    void rejectsATokenOfAnotherFormWithoutShowingIt(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", token))))
                .withMessageStartingWith("channel 'tg': setting 'token' must be a bot token as BotFather gives it")
                .withMessageNotContaining(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", "-100 123", "@a", "https://t.me/ops"})
    void rejectsAChatThatIsNeitherANumberNorAUsername(String chat) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("chat-id", chat))))
                .withMessage("channel 'tg': setting 'chat-id' must be a chat's number (such as -1001234567890) "
                        + "or a public channel's @username");
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("chat", "1"))))
                .withMessage("channel 'tg': unknown setting 'chat' for a telegram channel; "
                        + "known settings: [api-url, chat-id, receive, timeout, token]");
    }

    @Test
    void receivesOnlyWhenReceiveIsTrue() {
        assertThat(provider.create(settings(Map.of())).receives()).isFalse();
        assertThat(provider.create(settings(Map.of("receive", "false"))).receives()).isFalse();
        assertThat(provider.create(settings(Map.of("receive", "TRUE"))).receives()).isTrue();
        assertThat(provider.settingsOf("tgram://" + TOKEN + "/-1001234567890?receive=true")).containsEntry("receive", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on"})
    void rejectsAReceiveThatIsNeitherTrueNorFalse(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("receive", value))))
                .withMessage("channel 'tg': setting 'receive' must be true or false");
    }

    @Test
    void rejectsAnApiUrlThatIsNotHttp() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("api-url", "ftp://x"))))
                .withMessage("channel 'tg': setting 'api-url' must be an absolute http or https URL");
    }

    @Test
    void keepsTheTokenOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of());

        assertThat(String.join("\n", settings.toString(), TelegramSettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString()))
                .doesNotContain(TOKEN, "ABC-DEF1234ghIkl");
    }

    private static NotifierSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("token", TOKEN, "chat-id", "-1001234567890"));
        all.putAll(values);
        return NotifierSettings.of("tg", all);
    }
}
