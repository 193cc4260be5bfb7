package io.ringwatch.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One node of the YAML tree with its dotted key path, read as the schema expects it. Every
 * reader reports what is wrong to the shared {@link Problems}, with this node's line and path,
 * and returns empty, so that reading goes on and finds the other errors. A value that is
 * secret, or that came from the environment, is never shown. Not thread-safe.
 */
final class YamlValue {
    private final Node node;
    private final String path;
    private final int line;
    private final boolean secret;
    private final Problems problems;
    private Optional<Text> substituted;

    private YamlValue(Node node, String path, int line, boolean secret, Problems problems) {
        this.node = node;
        this.path = path;
        this.line = line;
        this.secret = secret;
        this.problems = problems;
    }

    static YamlValue root(Node node, Problems problems) {
        return new YamlValue(node, "", lineOf(node, 1), false, problems);
    }

    /** The value of {@code key} in this mapping; {@code keyLine} is used when the value is empty. */
    YamlValue child(String key, Node value, int keyLine) {
        String childPath = path.isEmpty() ? key : path + "." + key;
        int valueLine = isNull(value) ? keyLine : lineOf(value, keyLine);
        return new YamlValue(value, childPath, valueLine, secret, problems);
    }

    /** This value, whose text (and that of everything under it) must never be shown. */
    YamlValue secret() {
        return new YamlValue(node, path, line, true, problems);
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    Node node() {
        return node;
    }

    Problems problems() {
        return problems;
    }

    boolean isNull() {
        return isNull(node);
    }

    /** Reports a problem at this value. */
    void error(String message) {
        problems.add(line, path, message);
    }

    /** Reports a value the engine refused, hiding the engine's message if it could show the value. */
    void rejected(String what, IllegalArgumentException refusal) {
        boolean hidden = secret || substituted != null && substituted.map(Text::hidden).orElse(true);
        error(hidden ? what + " is not accepted (value hidden)" : refusal.getMessage());
    }

    /** This value as a mapping whose keys must be among {@code allowed} (any key when null). */
    Optional<YamlMap> map(List<String> allowed) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(this, mapping, allowed));
        }
        error("expected a mapping of keys" + (allowed == null ? "" : " (" + String.join(", ", allowed) + ")")
                + ", got " + kind());
        return Optional.empty();
    }

    /** This value as a list; an empty value is an empty list. */
    Optional<List<YamlValue>> list(String ofWhat) {
        if (isNull()) {
            return Optional.of(List.of());
        }
        if (!(node instanceof SequenceNode sequence)) {
            error("expected a list of " + ofWhat + " (lines starting with '- '), got " + kind());
            return Optional.empty();
        }
        List<YamlValue> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            Node item = nodes.get(i);
            items.add(new YamlValue(item, path + "[" + i + "]", lineOf(item, line), secret, problems));
        }
        return Optional.of(items);
    }

    /** The scalar's text after substitution, or empty after reporting that it is not {@code expected}. */
    Optional<Text> text(String expected) {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            error("expected " + expected + ", got " + kind());
            return Optional.empty();
        }
        if (substituted == null) {
            try {
                Substitution.Result result = Substitution.apply(scalar.getValue(), problems.environment());
                substituted = Optional.of(new Text(result.value(), secret || result.substituted()));
            } catch (Substitution.Failure failure) {
                error(failure.getMessage());
                substituted = Optional.empty();
            }
        }
        return substituted;
    }

    /** Non-blank text. */
    Optional<String> string(String expected) {
        return text(expected).flatMap(text -> {
            if (text.value().isBlank()) {
                error("expected " + expected + ", got an empty value");
                return Optional.empty();
            }
            return Optional.of(text.value());
        });
    }

    /**
     * Reads the text with {@code reader}, which returns empty or throws
     * {@link IllegalArgumentException} when the text is not {@code expected}.
     */
    <T> Optional<T> parse(String expected, Function<String, Optional<T>> reader) {
        return text(expected).flatMap(text -> {
            Optional<T> value;
            try {
                value = reader.apply(text.value().strip());
            } catch (IllegalArgumentException notValid) {
                value = Optional.empty();
            }
            if (value.isEmpty()) {
                error("expected " + expected + text.got());
            }
            return value;
        });
    }

    Optional<Integer> integer(int min, int max) {
        String expected = max == Integer.MAX_VALUE ? "a whole number of at least " + min
                : "a whole number from " + min + " to " + max;
        return parse(expected, text -> {
            try {
                int value = Integer.parseInt(text);
                return value >= min && value <= max ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }

    Optional<Double> decimal(double min, double max) {
        return parse("a number from " + min + " to " + max, text -> {
            try {
                double value = Double.parseDouble(text);
                return value >= min && value <= max ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool() {
        return parse("true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    /** A duration greater than zero. */
    Optional<Duration> duration() {
        Optional<Text> text = text(Durations.EXAMPLE);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> duration = Durations.parse(text.get().value());
        if (duration.isEmpty()) {
            boolean bareNumber = !text.get().hidden() && text.get().value().strip().matches("\\d+");
            error("expected " + Durations.EXAMPLE + text.get().got() + (bareNumber ? " (add a unit: " + text.get().value().strip() + "s)" : ""));
        } else if (duration.get().isZero() || duration.get().isNegative()) {
            error("expected a duration greater than zero" + text.get().got());
            return Optional.empty();
        }
        return duration;
    }

    /** One of the keys of {@code options}, such as {@code configured} or {@code hashed}. */
    <E> Optional<E> choice(Map<String, E> options) {
        String expected = "one of " + options.keySet().stream().collect(Collectors.joining(", "));
        return parse(expected, text -> Optional.ofNullable(options.get(text)));
    }

    /** The options for an enum, its constants in lower-case kebab-case: {@code EVERY_APPEND} is {@code every-append}. */
    static <E extends Enum<E>> Map<String, E> options(Class<E> type) {
        Map<String, E> options = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            options.put(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'), constant);
        }
        return options;
    }

    private String kind() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String raw = ((ScalarNode) node).getValue();
        return secret || raw.contains("$") ? "a single value (value hidden)" : Text.quote(raw);
    }

    private static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()) && scalar.isPlain();
    }

    private static int lineOf(Node node, int fallback) {
        return node == null ? fallback : node.getStartMark().map(mark -> mark.getLine() + 1).orElse(fallback);
    }

    /**
     * A scalar's text after substitution.
     *
     * @param value the text
     * @param hidden whether it is secret or came from the environment, and so must not be shown
     */
    record Text(String value, boolean hidden) {
        /** {@code , got "fast"}, or {@code  (value hidden)}. */
        String got() {
            return hidden ? " (value hidden)" : ", got " + quote(value);
        }

        @Override
        public String toString() {
            return hidden ? "Text[hidden]" : "Text[" + value + "]";
        }

        private static String quote(String text) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
        }
    }
}
