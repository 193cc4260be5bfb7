package io.ringwatch.agent.config;

import static io.ringwatch.agent.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private static final String WEBHOOK = "https://chat.example/hooks/T0/B0/topsecret-token";

    private static final String FILE = """
            node: ${NODE:-n1}
            secret: ${RINGWATCH_SECRET}
            members:
              - id: n1
                endpoint: http://${HOST}:7070
            channels:
              - name: chat
                provider: webhook
                settings: { url: "${CHAT_WEBHOOK_URL}", note: "costs $$5, literal $${NOT_A_VAR}" }
            """;

    @Test
    void replacesVariablesDefaultsAndEscapes() {
        AgentConfig config = ConfigFile.parse(FILE, "ringwatch.yaml",
                Map.of("RINGWATCH_SECRET", Yaml.SECRET, "HOST", "10.0.0.1", "CHAT_WEBHOOK_URL", WEBHOOK));

        assertThat(config.node().value()).isEqualTo("n1");
        assertThat(config.members().get(0).endpoint()).hasToString("http://10.0.0.1:7070");
        assertThat(config.channels().get(0).settings())
                .containsEntry("url", WEBHOOK)
                .containsEntry("note", "costs $$5, literal ${NOT_A_VAR}");
    }

    @Test
    void usesTheDefaultWhenTheVariableIsEmpty() {
        AgentConfig config = ConfigFile.parse(FILE, "ringwatch.yaml",
                Map.of("NODE", "", "RINGWATCH_SECRET", Yaml.SECRET, "HOST", "h", "CHAT_WEBHOOK_URL", WEBHOOK));

        assertThat(config.node().value()).isEqualTo("n1");
    }

    @Test
    void namesAMissingVariableWithItsLineAndKey() {
        List<ConfigError> errors = errors(FILE, Map.of("HOST", "10.0.0.1"));

        assertThat(errors).containsExactly(
                new ConfigError("ringwatch.yaml", 2, "secret",
                        "environment variable RINGWATCH_SECRET is not set (give a default with ${RINGWATCH_SECRET:-default})"),
                new ConfigError("ringwatch.yaml", 9, "channels[0].settings.url",
                        "environment variable CHAT_WEBHOOK_URL is not set (give a default with ${CHAT_WEBHOOK_URL:-default})"));
    }

    @Test
    void neverShowsSecretOrSubstitutedValuesInErrors() {
        String file = """
                node: n1
                secret: short-${SECRET_PART}
                members:
                  - id: n1
                    endpoint: ${ENDPOINT}
                channels:
                  - name: chat
                    provider: webhook
                    settings: { url: [ "not-a-string" ] }
                timing:
                  interval: ${INTERVAL}
                """;

        List<ConfigError> errors = errors(file,
                Map.of("SECRET_PART", "hunter2", "ENDPOINT", "gopher://hidden-host", "INTERVAL", "sometime-secret"));

        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                "ringwatch.yaml:2: secret: must be at least 16 characters long (value hidden)",
                "ringwatch.yaml:5: members[0].endpoint: expected an http(s) URL such as http://10.0.0.1:8080/health (value hidden)",
                "ringwatch.yaml:9: channels[0].settings.url: expected a text value, got a list",
                "ringwatch.yaml:11: timing.interval: expected a duration such as 30s, 5m or 1h30m (value hidden)");
        assertThat(String.join("\n", errors.stream().map(ConfigError::toString).toList()))
                .doesNotContain("hunter2", "gopher", "hidden-host", "sometime-secret", "not-a-string");
    }

    @Test
    void hidesASecretSettingEvenWhenWrittenInTheFile() {
        List<ConfigError> errors = errors(Yaml.HEAD_FOR_SETTINGS + "    settings: { url: \"https://x/${oops\" }\n");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.key()).isEqualTo("channels[0].settings.url");
            assertThat(error.message()).doesNotContain("https://x");
        });
    }

    @Test
    void keepsTheSecretAndSettingsOutOfToString() {
        AgentConfig config = ConfigFile.parse(FILE, "ringwatch.yaml",
                Map.of("RINGWATCH_SECRET", Yaml.SECRET, "HOST", "10.0.0.1", "CHAT_WEBHOOK_URL", WEBHOOK));

        assertThat(config.toString()).doesNotContain(Yaml.SECRET, WEBHOOK, "topsecret").contains("secret=(hidden)", "[note, url]");
        assertThat(config.channels().get(0).toString()).doesNotContain(WEBHOOK);
    }
}
