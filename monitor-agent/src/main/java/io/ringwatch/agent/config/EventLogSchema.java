package io.ringwatch.agent.config;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code event-log} section: the file, its rotation and retention, and when it is synced. */
final class EventLogSchema {
    static final List<String> KEYS = List.of("path", "fsync", "max-file-size", "max-files", "rotate-daily", "retain");
    /** The shortest {@code retain}: shorter is more likely a slip ({@code 30m} for {@code 30d}) than a wish. */
    static final Duration MIN_RETAIN = Duration.ofHours(1);

    private EventLogSchema() {
    }

    /** The default path when the node is known: {@code ringwatch-events/<node>.jsonl}. */
    static Path defaultPath(NodeId node) {
        return Path.of("ringwatch-events", node.value() + ".jsonl");
    }

    /** The entry, or empty when the section is absent (the path then follows the node). */
    static Optional<EventLogEntry> read(Optional<YamlValue> section, Optional<NodeId> node) {
        JsonLinesEventLog.Config.Builder config = JsonLinesEventLog.Config.custom();
        Optional<Path> path = Optional.empty();
        Optional<YamlMap> map = section.flatMap(value -> value.map(KEYS));
        if (map.isPresent()) {
            path = map.get().get("path").flatMap(value -> value.parse("a file path", EventLogSchema::path));
            map.get().get("fsync").flatMap(value -> value.choice(YamlValue.options(JsonLinesEventLog.Fsync.class)))
                    .ifPresent(config::fsync);
            map.get().get("max-file-size").flatMap(value -> value.parse(ByteSizes.EXAMPLE,
                    text -> ByteSizes.parse(text).filter(bytes -> bytes >= 1))).ifPresent(config::maxFileBytes);
            map.get().get("max-files").flatMap(value -> value.integer(1, Integer.MAX_VALUE)).ifPresent(config::maxFiles);
            map.get().get("rotate-daily").flatMap(YamlValue::bool).ifPresent(config::rotateDaily);
            map.get().get("retain").flatMap(value -> value.parse("a duration of at least 1h, such as 30d or 90d",
                    text -> Durations.parse(text).filter(age -> age.compareTo(MIN_RETAIN) >= 0))).ifPresent(config::maxAge);
        }
        Optional<Path> chosen = path.isPresent() ? path : node.map(EventLogSchema::defaultPath);
        return chosen.map(file -> new EventLogEntry(file, config.build()));
    }

    private static Optional<Path> path(String text) {
        try {
            Path path = Path.of(text);
            return path.getFileName() == null ? Optional.empty() : Optional.of(path);
        } catch (InvalidPathException invalid) {
            return Optional.empty();
        }
    }
}
