package io.ringwatch.notifiers.gotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GotifyNotifierProviderTest {
    private static final String TOKEN = "AprovTok3n.Zz";

    private final GotifyNotifierProvider provider = new GotifyNotifierProvider();

    @Test
    void readsAChannelUrlOfHostPathAndToken() {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("gotify", "gotifys");
        assertThat(provider.settingsOf("gotifys://push.example.com/" + TOKEN + "?timeout=5s"))
                .containsExactly(Map.entry("server", "https://push.example.com"), Map.entry("token", TOKEN),
                        Map.entry("timeout", "5s"));
        assertThat(provider.settingsOf("gotify://10.0.0.5:8080/apps/gotify/" + TOKEN))
                .containsEntry("server", "http://10.0.0.5:8080/apps/gotify").containsEntry("token", TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gotifys://", "gotifys://push.example.com", "gotifys://push.example.com/",
            "gotifys://user@push.example.com/" + TOKEN})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form gotifys://host[:port][/path]/TOKEN")
                .withMessageNotContaining(TOKEN);
    }

    @Test
    void aUrlsSettingsMakeANotifier() {
        assertThat(provider.create(NotifierSettings.of("phone", provider.settingsOf("gotifys://push.example.com/" + TOKEN))))
                .hasToString("GotifyNotifier[channel=phone, server=https://push.example.com:443, timeout=PT10S]");
        assertThat(GotifySettings.from(NotifierSettings.of("phone", Map.of("server", "https://push.example.com/g/", "token", TOKEN)))
                .messageUrl()).hasToString("https://push.example.com/g/message");
    }

    @Test
    void requiresAServerAndAToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("phone", Map.of("token", TOKEN))))
                .withMessage("channel 'phone': setting 'server' is required");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", ""))))
                .withMessage("channel 'phone': setting 'token' is blank");
    }

    @Test
    void rejectsATokenWithSpacesWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", "Abc def"))))
                .withMessage("channel 'phone': setting 'token' must be an application token: printable ASCII without spaces");
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("priority", "5"))))
                .withMessage("channel 'phone': unknown setting 'priority' for a gotify channel; known settings: [server, timeout, token]");
    }

    @Test
    void keepsTheTokenOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of());

        assertThat(String.join("\n", settings.toString(), GotifySettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString())).doesNotContain(TOKEN);
    }

    private static NotifierSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("server", "https://push.example.com", "token", TOKEN));
        all.putAll(values);
        return NotifierSettings.of("phone", all);
    }
}
