package io.ringwatch.agent.config;

import static io.ringwatch.agent.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ringwatch.engine.statuspage.PublicNotes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code status-page} section: on by default, its title and how often it refreshes. */
class StatusPageSchemaTest {

    @Test
    void isServedByDefaultTitledStatusRefreshedEveryHalfMinute() {
        AgentConfig config = Yaml.parse(Yaml.ONE_NODE);

        assertThat(config.statusPage()).isEqualTo(new StatusPageEntry(true, "Status", Duration.ofSeconds(30), PublicNotes.ALL));
    }

    @Test
    void readsEveryKey() {
        AgentConfig config = Yaml.parse(Yaml.ONE_NODE + """
                status-page:
                  enabled: false
                  title: "  Acme status "
                  refresh: 2m
                  notes: acknowledgements
                """);

        assertThat(config.statusPage()).isEqualTo(new StatusPageEntry(false, "Acme status", Duration.ofMinutes(2),
                PublicNotes.ACKNOWLEDGEMENTS));
    }

    @Test
    void namesLineAndKeyOfEveryBadValue() {
        assertThat(errors(Yaml.ONE_NODE + """
                status-page:
                  enabled: maybe
                  title: ""
                  refresh: 500ms
                  notes: some
                  theme: dark
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(7, "status-page.enabled", "expected true or false, got \"maybe\""),
                tuple(8, "status-page.title", "expected a title of 1 to 120 characters, such as Acme status, got \"\""),
                tuple(9, "status-page.refresh", "expected a duration of at least 1s, such as 30s, got \"500ms\""),
                tuple(10, "status-page.notes", "expected one of all, acknowledgements, none, got \"some\""),
                tuple(11, "status-page.theme", "unknown key; allowed keys here: enabled, title, refresh, notes"));
    }
}
