package io.ringwatch.agent.config;

import static io.ringwatch.agent.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Fsync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code event-log} section: rotation by size and day, retention by count and age, fsync. */
class EventLogSchemaTest {

    @Test
    void readsEveryKey() {
        AgentConfig config = Yaml.parse(Yaml.ONE_NODE + """
                event-log:
                  path: /var/lib/ringwatch/n1.jsonl
                  fsync: every-append
                  max-file-size: 16MiB
                  rotate-daily: false
                  max-files: 400
                  retain: 365d
                """);

        assertThat(config.eventLog()).isEqualTo(new EventLogEntry(Path.of("/var/lib/ringwatch/n1.jsonl"),
                new JsonLinesEventLog.Config(Fsync.EVERY_APPEND, 16L * 1024 * 1024, 400, false, Optional.of(Duration.ofDays(365)))));
    }

    @Test
    void defaultsToDailyFilesKeptByCountWhateverTheirAge() {
        AgentConfig config = Yaml.parse(Yaml.ONE_NODE + """
                event-log: { path: events.jsonl }
                """);

        assertThat(config.eventLog().config()).isEqualTo(JsonLinesEventLog.Config.ofDefaults());
        assertThat(config.eventLog().config().rotateDaily()).isTrue();
        assertThat(config.eventLog().config().maxAge()).isEmpty();
    }

    @Test
    void namesLineAndKeyOfEveryBadValue() {
        assertThat(errors(Yaml.ONE_NODE + """
                event-log:
                  fsync: always
                  rotate-daily: sometimes
                  retain: 30m
                  max-file-size: huge
                  keep: 3
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(7, "event-log.fsync", "expected one of every-append, on-flush, got \"always\""),
                tuple(8, "event-log.rotate-daily", "expected true or false, got \"sometimes\""),
                tuple(9, "event-log.retain", "expected a duration of at least 1h, such as 30d or 90d, got \"30m\""),
                tuple(10, "event-log.max-file-size", "expected a size such as 64MiB, 500MB or 1GiB, got \"huge\""),
                tuple(11, "event-log.keep", "unknown key; allowed keys here: path, fsync, max-file-size, max-files,"
                        + " rotate-daily, retain"));
    }
}
