package io.ringwatch.agent.config;

import static io.ringwatch.agent.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigErrorsTest {

    private static final String HEAD = """
            node: n1
            secret: ${RINGWATCH_SECRET}
            members:
              - id: n1
                endpoint: http://10.0.0.1:7070
            """;

    @Test
    void namesFileLineAndKeyOfABadDuration() {
        List<ConfigError> errors = errors(HEAD + """
                timing:
                  interval: fast
                """);

        assertThat(errors).containsExactly(new ConfigError("ringwatch.yaml", 7, "timing.interval",
                "expected a duration such as 30s, 5m or 1h30m, got \"fast\""));
        assertThat(errors.get(0)).hasToString(
                "ringwatch.yaml:7: timing.interval: expected a duration such as 30s, 5m or 1h30m, got \"fast\"");
    }

    @Test
    void suggestsAUnitForABareNumberAndRefusesZero() {
        assertThat(errors(HEAD + """
                timing:
                  interval: 60
                  timeout: 0s
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(7, "timing.interval", "expected a duration such as 30s, 5m or 1h30m, got \"60\" (add a unit: 60s)"),
                tuple(8, "timing.timeout", "expected a duration greater than zero, got \"0s\""));
    }

    @Test
    void rejectsAnUnknownKeySuggestingTheNearestAndListingTheAllowed() {
        ConfigError error = errors(HEAD + """
                timing:
                  intervall: 30s
                """).get(0);

        assertThat(error.line()).isEqualTo(7);
        assertThat(error.key()).isEqualTo("timing.intervall");
        assertThat(error.message()).startsWith("unknown key; did you mean 'interval'? allowed keys here: interval, jitter,");
    }

    @Test
    void suggestsTheKebabCaseKeyForCamelOrSnakeCase() {
        assertThat(errors(HEAD + """
                timing:
                  retryInterval: 5s
                  peer_timeout: 5s
                """)).extracting(ConfigError::message).allSatisfy(message -> assertThat(message).containsAnyOf(
                "did you mean 'retry-interval'?", "did you mean 'peer-timeout'?"));
    }

    @Test
    void offersNoSuggestionForAKeyFarFromAllAllowed() {
        assertThat(errors(HEAD + "colour: blue\n").get(0).message())
                .isEqualTo("unknown key; allowed keys here: node, listen, secret, insecure, members, ring, timing, "
                        + "confirm-with-peers, control-target, channels, delivery, event-log, maintenance, contacts, on-call, "
                        + "escalation, mutes, status-page");
    }

    @Test
    void reportsWrongTypesWithTheirPath() {
        assertThat(errors(HEAD + """
                listen:
                  port: seventy
                insecure: maybe
                ring: [2]
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(7, "listen.port", "expected a whole number from 0 to 65535, got \"seventy\""),
                tuple(8, "insecure", "expected true or false, got \"maybe\""),
                tuple(9, "ring", "expected a mapping of keys (partners, order), got a list"));
    }

    @Test
    void reportsMissingRequiredKeysAtTheirMapping() {
        assertThat(errors("""
                listen:
                  port: 7070
                members:
                  - endpoint: http://10.0.0.1:7070
                  - id: n2
                """)).extracting(ConfigError::line, ConfigError::key).containsExactly(
                tuple(1, "node"),
                tuple(1, "secret"),
                tuple(4, "members[0].id"),
                tuple(5, "members[1].endpoint"));
    }

    @Test
    void rejectsDuplicateNodeAndServiceIds() {
        assertThat(errors("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                    services:
                      - { id: api, url: "http://10.0.0.1/health" }
                      - { id: api, tcp: "10.0.0.1:80" }
                  - id: n1
                    endpoint: http://10.0.0.2:7070
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(8, "members[0].services[1].id", "duplicate service id 'api', already used at members[0].services[0].id (line 7)"),
                tuple(9, "members[1].id", "duplicate node id 'n1', already used at members[0].id (line 4)"));
    }

    @Test
    void rejectsANodeThatIsNotAmongTheMembers() {
        assertThat(errors(HEAD.replace("node: n1", "node: n9"))).containsExactly(new ConfigError("ringwatch.yaml", 1,
                "node", "'n9' is not among the members (n1): add it to members, or set node to this machine's id"));
    }

    @Test
    void rejectsBadUrlsAndAddresses() {
        assertThat(errors("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: 10.0.0.1:7070
                    services:
                      - { id: a, url: "ftp://10.0.0.1/x" }
                      - { id: b, tcp: "10.0.0.1" }
                      - { id: c }
                      - { id: d, url: "http://h/", tcp: "h:1" }
                control-target: udp://10.0.0.254:53
                """)).extracting(ConfigError::line, ConfigError::key).containsExactly(
                tuple(5, "members[0].endpoint"),
                tuple(7, "members[0].services[0].url"),
                tuple(8, "members[0].services[1].tcp"),
                tuple(9, "members[0].services[2]"),
                tuple(10, "members[0].services[3]"),
                tuple(11, "control-target"));
    }

    @Test
    void reportsYamlSyntaxErrorsAtSnakeyamlsLine() {
        ConfigError error = errors("""
                node: n1
                members:
                  - id: n1
                   endpoint: http://10.0.0.1:7070
                """).get(0);

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.key()).isEmpty();
        assertThat(error.message()).startsWith("YAML syntax error: ");
    }

    @Test
    void rejectsAKeyGivenTwice() {
        assertThat(errors(HEAD + "node: n2\n")).containsExactly(
                new ConfigError("ringwatch.yaml", 6, "node", "key given twice (first on line 1)"));
    }

    @Test
    void surfacesWhatMonitorConfigRefusesAtTheKey() {
        assertThat(errors(HEAD + """
                timing:
                  flap-high: 0.3
                  flap-low: 0.4
                  jitter: 0.9
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(8, "timing.flap-low", "must not be above flap-high"),
                tuple(9, "timing.jitter", "expected a number from 0.0 to 0.5, got \"0.9\""));
    }

    @Test
    void rejectsBadExpectations() {
        assertThat(errors("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                    services:
                      - id: api
                        url: http://10.0.0.1/health
                        expect:
                          status: 200-999
                          body-matches: "(unclosed"
                          json-field: { name: status }
                          slower-than: soon
                """)).extracting(ConfigError::line, ConfigError::key).containsExactly(
                tuple(10, "members[0].services[0].expect.status"),
                tuple(11, "members[0].services[0].expect.body-matches"),
                tuple(12, "members[0].services[0].expect.json-field.value"),
                tuple(13, "members[0].services[0].expect.slower-than"));
    }

    @Test
    void rejectsMaintenanceForUnknownTargetsOrBackwardsTimes() {
        assertThat(errors(HEAD + """
                maintenance:
                  - target: n3
                    from: 2026-12-01T22:00:00Z
                    until: 2026-12-01T23:00:00Z
                  - target: n1/api
                    from: 2026-12-01T22:00:00Z
                    until: 2026-12-01T21:00:00Z
                  - target: n1
                    from: tonight
                    until: 2026-12-01T21:00:00Z
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(7, "maintenance[0].target", "no member 'n3' (members: n1)"),
                tuple(10, "maintenance[1].target", "node n1 has no service 'api'"),
                tuple(12, "maintenance[1].until", "must be after from (line 11)"),
                tuple(14, "maintenance[2].from", "expected a date and time such as 2026-12-01T22:00:00Z, got \"tonight\""));
    }

    @Test
    void rejectsBadChannels() {
        assertThat(errors(HEAD + """
                channels:
                  - name: chat
                    provider: Web Hook
                  - name: chat
                    provider: console
                    settings: { url: [a, b] }
                """)).extracting(ConfigError::line, ConfigError::key).containsExactly(
                tuple(8, "channels[0].provider"),
                tuple(9, "channels[1].name"),
                tuple(11, "channels[1].settings.url"));
    }

    @Test
    void collectsEveryErrorInOnePass() {
        ConfigException thrown = assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> Yaml.parse("""
                node: n1
                secret: short
                members:
                  - id: n1
                    endpoint: nowhere
                ring:
                  partners: 0
                  order: random
                timing:
                  interval: fast
                event-log:
                  max-files: none
                """)).actual();

        assertThat(thrown.errors()).extracting(ConfigError::line)
                .containsExactly(2, 5, 7, 8, 10, 12);
        assertThat(thrown.getMessage().lines()).hasSize(6).allMatch(line -> line.startsWith("ringwatch.yaml:"));
        assertThat(thrown.getMessage().lines().toList().get(3))
                .isEqualTo("ringwatch.yaml:8: ring.order: expected one of configured, hashed, got \"random\"");
    }

    @Test
    void namesAFileThatIsMissing(@TempDir Path directory) {
        Path missing = directory.resolve("nope.yaml");

        List<ConfigError> errors = assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigFile.load(missing, Yaml.ENV)).actual().errors();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.source()).isEqualTo(missing.toString());
            assertThat(error.message()).startsWith("no such file");
        });
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(errors("# nothing yet\n")).singleElement()
                .extracting(ConfigError::line, ConfigError::key).containsExactly(1, "");
    }
}
