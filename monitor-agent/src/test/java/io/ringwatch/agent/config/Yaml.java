package io.ringwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

/** Helpers for config tests: parse text, or collect the errors it gives. */
final class Yaml {
    static final String SECRET = "s3cret-shared-by-all-nodes";
    static final Map<String, String> ENV = Map.of("RINGWATCH_SECRET", SECRET);

    /** A valid file up to a channel's provider line, to append the channel's settings to. */
    static final String HEAD_FOR_SETTINGS = """
            node: n1
            secret: ${RINGWATCH_SECRET}
            members: [{ id: n1, endpoint: "http://10.0.0.1:7070" }]
            channels:
              - name: chat
                provider: webhook
            """;

    /** A valid farm of one node, five lines, to append the section under test to. */
    static final String ONE_NODE = """
            node: n1
            secret: ${RINGWATCH_SECRET}
            members:
              - id: n1
                endpoint: http://10.0.0.1:7070
            """;

    private Yaml() {
    }

    static AgentConfig parse(String yaml) {
        return ConfigFile.parse(yaml, "ringwatch.yaml", ENV);
    }

    static List<ConfigError> errors(String yaml) {
        return errors(yaml, ENV);
    }

    static List<ConfigError> errors(String yaml, Map<String, String> environment) {
        return assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigFile.parse(yaml, "ringwatch.yaml", environment))
                .actual().errors();
    }
}
