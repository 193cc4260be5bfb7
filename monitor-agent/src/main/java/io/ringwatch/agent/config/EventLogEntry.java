package io.ringwatch.agent.config;

import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the node writes its event log. Immutable.
 *
 * @param path the log file, as configured (a relative path is taken from the working directory)
 * @param config rotation, retention and fsync
 */
public record EventLogEntry(Path path, JsonLinesEventLog.Config config) {

    /** @throws NullPointerException if an argument is null */
    public EventLogEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(config, "config");
    }
}
