package io.ringwatch.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file that cannot be used, with every error found in it. The message is the errors,
 * one per line, in the form {@code ringwatch.yaml:14: timing.interval: expected ...}. Immutable.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    /** @throws IllegalArgumentException if {@code errors} is empty */
    public ConfigException(List<ConfigError> errors) {
        super(lines(errors));
        this.errors = List.copyOf(errors);
    }

    /** The errors, in the order of the file where that is known. Never empty. */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String lines(List<ConfigError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
