package io.ringwatch.notifiers.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatrixNotifierProviderTest {
    private static final String TOKEN = "syt_cHJvdmlkZXI_providerToken_4d5e6f";

    private final MatrixNotifierProvider provider = new MatrixNotifierProvider();

    @Test
    void readsAChannelUrlOfTokenHostAndRoom() {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("matrix", "matrixs");
        assertThat(provider.settingsOf("matrixs://" + TOKEN + "@matrix.example.org/!ops:example.org?timeout=5s"))
                .containsExactly(Map.entry("homeserver", "https://matrix.example.org"), Map.entry("access-token", TOKEN),
                        Map.entry("room-id", "!ops:example.org"), Map.entry("timeout", "5s"));
        assertThat(provider.settingsOf("matrix://" + TOKEN + "@127.0.0.1:8008/%21ops%3Aexample.org"))
                .containsEntry("homeserver", "http://127.0.0.1:8008").containsEntry("room-id", "!ops:example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrixs://", "matrixs://matrix.example.org/!ops:example.org", "matrixs://" + TOKEN + "@/!ops:x",
            "matrixs://" + TOKEN + "@matrix.example.org", "matrixs://" + TOKEN + "@matrix.example.org/!a:x/!b:x"})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form matrixs://TOKEN@host[:port]/!room:server")
                .withMessageNotContaining(TOKEN);
    }

    @Test
    void aUrlsSettingsMakeANotifier() {
        Map<String, String> settings = provider.settingsOf("matrixs://" + TOKEN + "@matrix.example.org/!ops:example.org");

        assertThat(provider.create(NotifierSettings.of("mx", settings))).hasToString(
                "MatrixNotifier[channel=mx, room=!ops:example.org, homeserver=https://matrix.example.org:443, timeout=PT10S]");
    }

    @Test
    void acceptsARoomIdWithoutAServerAsRoomVersion12MakesThem() {
        assertThat(MatrixSettings.from(settings(Map.of("room-id", "!31hneApxJ_1o-63DmFrpeqnkFfWppnzWso1JvH3ogLM"))).roomId())
                .isEqualTo("!31hneApxJ_1o-63DmFrpeqnkFfWppnzWso1JvH3ogLM");
    }

    @Test
    void percentEncodesTheRoomIdInThePath() {
        MatrixSettings settings = MatrixSettings.from(settings(Map.of()));

        assertThat(settings.sendUrl(settings.roomId(), "t1").toString())
                .isEqualTo("https://matrix.example.org/_matrix/client/v3/rooms/%21ops%3Aexample.org/send/m.room.message/t1");
    }

    @Test
    void requiresEverySetting() {
        for (String key : new String[] {"homeserver", "access-token", "room-id"}) {
            Map<String, String> values = new HashMap<>(Map.of("homeserver", "https://matrix.example.org",
                    "access-token", TOKEN, "room-id", "!ops:example.org"));
            values.remove(key);
            assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("mx", values)))
                    .withMessage("channel 'mx': setting '" + key + "' is required");
        }
    }

    @Test
    void rejectsARoomAliasSayingWhereTheIdIs() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("room-id", "#ops:example.org"))))
                .withMessageStartingWith("channel 'mx': setting 'room-id' must be a room id starting with '!', not an alias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", "!", "!ops room:example.org", "!ops:exämple.org"})
    void rejectsARoomIdOfAnotherForm(String room) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("room-id", room))))
                .withMessage("channel 'mx': setting 'room-id' must be a room id such as !abcdefgh:example.org");
    }

    @Test
    void receivesOnlyWhenAskedToInSettingsOrTheUrl() {
        assertThat(provider.create(settings(Map.of())).receives()).isFalse();
        assertThat(provider.create(settings(Map.of("receive", "false"))).receives()).isFalse();
        Map<String, String> fromUrl = provider.settingsOf("matrixs://" + TOKEN + "@matrix.example.org/!ops:example.org?receive=true");
        try (var notifier = provider.create(NotifierSettings.of("mx", fromUrl))) {
            assertThat(notifier.receives()).isTrue();
            assertThat(notifier).hasToString("MatrixNotifier[channel=mx, room=!ops:example.org, "
                    + "homeserver=https://matrix.example.org:443, receiving, timeout=PT10S]");
        }
        assertThat(MatrixSettings.from(settings(Map.of("receive", "yes"))).receive()).isTrue();
    }

    @Test
    void rejectsAReceiveThatIsNotTrueOrFalse() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("receive", "sometimes"))))
                .withMessage("channel 'mx': setting 'receive' must be true or false");
    }

    @Test
    void rejectsATokenWithSpacesWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("access-token", "syt abc"))))
                .withMessage("channel 'mx': setting 'access-token' must be an access token: printable ASCII without spaces");
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("room", "!a:b"))))
                .withMessage("channel 'mx': unknown setting 'room' for a matrix channel; "
                        + "known settings: [access-token, homeserver, receive, room-id, timeout]");
    }

    @Test
    void keepsTheTokenOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of());

        assertThat(String.join("\n", settings.toString(), MatrixSettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString())).doesNotContain(TOKEN);
    }

    private static NotifierSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("homeserver", "https://matrix.example.org",
                "access-token", TOKEN, "room-id", "!ops:example.org"));
        all.putAll(values);
        return NotifierSettings.of("mx", all);
    }
}
