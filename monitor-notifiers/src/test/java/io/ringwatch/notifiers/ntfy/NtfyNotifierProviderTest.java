package io.ringwatch.notifiers.ntfy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NtfyNotifierProviderTest {
    private static final String TOPIC = "ops-alerts-Zr8q";

    private final NtfyNotifierProvider provider = new NtfyNotifierProvider();

    @Test
    void readsChannelUrlsOfEachForm() {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("ntfy", "ntfys");
        assertThat(provider.settingsOf("ntfy://" + TOPIC)).containsExactly(Map.entry("topic", TOPIC));
        assertThat(provider.settingsOf("ntfys://ntfy.example.com/" + TOPIC + "?timeout=5s"))
                .containsExactly(Map.entry("server", "https://ntfy.example.com"), Map.entry("topic", TOPIC),
                        Map.entry("timeout", "5s"));
        assertThat(provider.settingsOf("ntfy://127.0.0.1:8080/" + TOPIC)).containsEntry("server", "http://127.0.0.1:8080");
        assertThat(provider.settingsOf("ntfys://alice:pw@ntfy.example.com/" + TOPIC))
                .containsEntry("username", "alice").containsEntry("password", "pw")
                .containsEntry("server", "https://ntfy.example.com");
        assertThat(provider.settingsOf("ntfys://tk_abc@ntfy.example.com/" + TOPIC)).containsEntry("token", "tk_abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ntfy://", "ntfys://alice:pw@ntfy.example.com", "ntfys://@ntfy.example.com/t",
            "ntfys://tk_x@/t", "ntfys://ntfy.example.com/a/b"})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form ntfys://[user:password@|token@]host[:port]/topic")
                .withMessageNotContaining("pw").withMessageNotContaining("tk_x");
    }

    @Test
    void publishesToNtfyShByDefault() {
        assertThat(provider.create(NotifierSettings.of("push", provider.settingsOf("ntfy://" + TOPIC))))
                .hasToString("NtfyNotifier[channel=push, server=https://ntfy.sh:443, login=none, timeout=PT10S]");
    }

    @Test
    void requiresATopic() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("push")))
                .withMessage("channel 'push': setting 'topic' is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops alerts", "ops/alerts", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "alerts?x=1"})
    void rejectsATopicNtfyWouldNotAcceptWithoutShowingIt(String topic) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("topic", topic))))
                .withMessage("channel 'push': setting 'topic' must be 1 to 64 letters, digits, '-' or '_'");
    }

    @Test
    void rejectsATokenTogetherWithAUser() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("token", "tk_a", "username", "alice", "password", "pw"))))
                .withMessage("channel 'push': setting 'token' cannot be given with 'username' and 'password': use one way to log in");
    }

    @Test
    void rejectsAUserWithoutAPasswordAndTheOtherWayRound() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("username", "alice"))))
                .withMessage("channel 'push': setting 'password' is required with 'username'");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("password", "pw"))))
                .withMessage("channel 'push': setting 'username' is required with 'password'");
    }

    @Test
    void rejectsABlankTokenAsAnUnsetVariableGivesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", " "))))
                .withMessage("channel 'push': setting 'token' is blank; remove it, or give it a value");
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("priority", "5"))))
                .withMessage("channel 'push': unknown setting 'priority' for a ntfy channel; "
                        + "known settings: [password, server, timeout, token, topic, username]");
    }

    @Test
    void keepsTheTopicAndTheSecretsOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of("username", "alice", "password", "s3cr3t-pw"));

        assertThat(String.join("\n", settings.toString(), NtfySettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString()))
                .doesNotContain(TOPIC, "s3cr3t-pw").contains("login=password");
    }

    private static NotifierSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("topic", TOPIC));
        all.putAll(values);
        return NotifierSettings.of("push", all);
    }
}
