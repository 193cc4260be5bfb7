package io.ringwatch.notifiers.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookNotifierProviderTest {
    private static final String URL = "https://hooks.example.com/services/T000/B111/xoxo-path-token?key=q-token";
    private static final String SECRET = "whsec-provider-9c2e";

    private final WebhookNotifierProvider provider = new WebhookNotifierProvider();

    @Test
    void showsTheUrlAsSchemeHostAndPortOnly() {
        Notifier notifier = provider.create(settings(Map.of("secret", SECRET)));

        assertThat(notifier).hasToString("WebhookNotifier[channel=team-chat, url=https://hooks.example.com:443, "
                + "signed=true, timeout=PT10S]");
        assertThat(notifier.name()).isEqualTo("team-chat");
    }

    @Test
    void readsAChannelUrl() {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("json", "jsons");
        assertThat(provider.settingsOf("jsons://hooks.example.com/services/T000?key=q-token&secret=" + SECRET + "&timeout=5s"))
                .containsExactly(Map.entry("url", "https://hooks.example.com/services/T000?key=q-token"),
                        Map.entry("secret", SECRET), Map.entry("timeout", "5s"));
        assertThat(provider.settingsOf("json://127.0.0.1:8080/hook")).containsExactly(Map.entry("url", "http://127.0.0.1:8080/hook"));
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf("jsons://"))
                .withMessageStartingWith("expected a URL of the form jsons://host[:port]/path");
    }

    @Test
    void keepsNoSecretInAnyToString() {
        NotifierSettings settings = settings(Map.of("secret", SECRET));

        assertThat(String.join("\n", settings.toString(), WebhookSettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString()))
                .doesNotContain("xoxo-path-token", "q-token", "/services", SECRET);
    }

    @Test
    void showsAnExplicitPortAndTheDefaultPortOfPlainHttp() {
        assertThat(WebhookSettings.from(NotifierSettings.of("a", Map.of("url", "HTTP://10.0.0.9:8080/hook"))).origin())
                .isEqualTo("http://10.0.0.9:8080");
        assertThat(WebhookSettings.from(NotifierSettings.of("a", Map.of("url", " http://chat.internal/hook "))).origin())
                .isEqualTo("http://chat.internal:80");
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "10s, PT10S", "2 S, PT2S", "1m, PT1M", "PT0.25S, PT0.25S", "pt1h, PT1H"})
    void readsTheTimeoutInShortOrIsoForm(String value, Duration expected) {
        assertThat(WebhookSettings.from(settings(Map.of("timeout", value))).timeout()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1s", "PT-1S", "61m", "soon", "10", "10 seconds"})
    void rejectsATimeoutThatIsNotAPositiveDurationOfAtMostAnHour(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("timeout", value))))
                .withMessage("channel 'team-chat': setting 'timeout' must be a positive duration of at most 1 h, "
                        + "such as 500ms, 10s, 1m or PT10S");
    }

    @Test
    void requiresAUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("team-chat")))
                .withMessage("channel 'team-chat': setting 'url' is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/xoxo-path-token", "hooks.example.com/xoxo-path-token",
            "mailto:xoxo-path-token@example.com", "/xoxo-path-token"})
    void rejectsAUrlThatIsNotAbsoluteHttpWithoutShowingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("url", url))))
                .withMessage("channel 'team-chat': setting 'url' must be an absolute http or https URL");
    }

    @Test
    void rejectsAMalformedUrlWithoutShowingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("url", "https://hooks.example.com/xoxo path token"))))
                .withMessage("channel 'team-chat': setting 'url' is not a valid URL (illegal character in path at index 30)")
                .withNoCause();
    }

    @Test
    void rejectsAUrlWithoutAHost() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("url", "https:///xoxo-path-token"))))
                .withMessage("channel 'team-chat': setting 'url' must name a host");
    }

    @Test
    void rejectsCredentialsInTheUrlWithoutShowingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("url", "https://bot:hunter2@hooks.example.com/x"))))
                .withMessageStartingWith("channel 'team-chat': setting 'url' must not hold a user name or password")
                .withMessageNotContaining("hunter2");
    }

    @Test
    void rejectsABlankSecretRatherThanPostUnsigned() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("secret", " "))))
                .withMessage("channel 'team-chat': setting 'secret' is blank; remove it to post unsigned requests, "
                        + "or give it a value");
    }

    @Test
    void rejectsAnUnknownSettingSoThatATypoIsNotIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("secert", SECRET))))
                .withMessage("channel 'team-chat': unknown setting 'secert' for a webhook channel; "
                        + "known settings: [secret, timeout, url]");
    }

    @Test
    void cutsTheUrlOutOfMessagesFromElsewhere() {
        WebhookSettings settings = WebhookSettings.from(settings(Map.of()));

        assertThat(settings.redact("Connection failed: " + URL))
                .isEqualTo("Connection failed: https://hooks.example.com:443/…");
        assertThat(settings.redact("bad path /services/T000/B111/xoxo-path-token, query key=q-token"))
                .isEqualTo("bad path …, query …");
    }

    private static NotifierSettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.putIfAbsent("url", URL);
        return NotifierSettings.of("team-chat", values);
    }
}
