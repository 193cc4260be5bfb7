package io.ringwatch.agent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one reading of a config file shares: the file's name, the environment for
 * substitution, and the errors found so far. Not thread-safe.
 */
final class Problems {
    private final String source;
    private final Map<String, String> environment;
    private final List<ConfigError> errors = new ArrayList<>();

    Problems(String source, Map<String, String> environment) {
        this.source = Objects.requireNonNull(source, "source");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    void add(int line, String key, String message) {
        errors.add(new ConfigError(source, line, key, message));
    }

    Map<String, String> environment() {
        return environment;
    }

    /** How many errors were found so far. */
    int count() {
        return errors.size();
    }

    boolean any() {
        return !errors.isEmpty();
    }

    /** Throws the errors found, in line order, if there are any. */
    void throwIfAny() {
        if (any()) {
            List<ConfigError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ConfigError::line));
            throw new ConfigException(sorted);
        }
    }
}
