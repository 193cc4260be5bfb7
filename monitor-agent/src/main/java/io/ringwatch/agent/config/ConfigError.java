package io.ringwatch.agent.config;

import java.util.Objects;

/**
 * One problem in a config file. Its message never holds a secret value or one that came from
 * the environment. Immutable.
 *
 * @param source the file as the user named it, such as {@code ringwatch.yaml}
 * @param line the 1-based line of the problem
 * @param key the dotted key path, such as {@code members[2].services[0].url}; empty when the
 *        problem is not in one key (a YAML syntax error, an unreadable file)
 * @param message what is wrong and, where it helps, what would be right
 */
public record ConfigError(String source, int line, String key, String message) {

    /** @throws NullPointerException if an argument is null */
    public ConfigError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** {@code ringwatch.yaml:14: timing.interval: expected a duration ...}; no line part when the line is unknown (0). */
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
