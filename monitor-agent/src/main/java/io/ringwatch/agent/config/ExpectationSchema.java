package io.ringwatch.agent.config;

import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.check.StatusCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A service's {@code expect} section: what a good answer looks like. */
final class ExpectationSchema {
    static final List<String> KEYS = List.of("status", "body-contains", "body-matches", "json-field",
            "health-status-up", "slower-than", "certificate-warning");
    static final List<String> JSON_FIELD_KEYS = List.of("name", "value");
    static final String OFF = "off";

    private static final Pattern CODE_OR_RANGE = Pattern.compile("(\\d{3})(?:\\s*-\\s*(\\d{3}))?");

    private ExpectationSchema() {
    }

    /** The expectation, starting from the defaults; what cannot be read is reported and left at its default. */
    static Expectation read(YamlValue expect) {
        Expectation.Builder builder = Expectation.custom();
        Optional<YamlMap> read = expect.map(KEYS);
        if (read.isEmpty()) {
            return builder.build();
        }
        YamlMap map = read.get();
        map.get("status").ifPresent(value -> value
                .parse("status codes such as 200-299 or \"200,204,300-399\"", ExpectationSchema::statusCodes)
                .ifPresent(builder::statusCodes));
        map.get("body-contains").flatMap(value -> value.text("the text the body must contain"))
                .ifPresent(text -> builder.bodyContains(text.value()));
        map.get("body-matches").ifPresent(value -> bodyMatches(value, builder));
        map.get("json-field").flatMap(value -> value.map(JSON_FIELD_KEYS)).ifPresent(field -> jsonField(field, builder));
        map.get("health-status-up").flatMap(YamlValue::bool).filter(Boolean::booleanValue)
                .ifPresent(yes -> builder.healthStatusUp());
        map.get("slower-than").ifPresent(value -> durationOrOff(value, builder::slowerThan, builder::anySpeed));
        map.get("certificate-warning").ifPresent(value ->
                durationOrOff(value, builder::certificateValidFor, builder::ignoreCertificateExpiry));
        return builder.build();
    }

    /** {@code 200}, {@code 200-299} or a comma-separated list of both. */
    static Optional<StatusCodes> statusCodes(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher matcher = CODE_OR_RANGE.matcher(part.strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            int first = Integer.parseInt(matcher.group(1));
            int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
            ranges.add(new int[] {first, last});
        }
        if (ranges.size() == 1) {
            return Optional.of(StatusCodes.range(ranges.get(0)[0], ranges.get(0)[1]));
        }
        // StatusCodes has no union of ranges: list every code (its toString shows them all).
        List<Integer> codes = new ArrayList<>();
        for (int[] range : ranges) {
            if (range[0] > range[1]) {
                return Optional.empty();
            }
            for (int code = range[0]; code <= range[1]; code++) {
                codes.add(code);
            }
        }
        return Optional.of(StatusCodes.of(codes.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static void bodyMatches(YamlValue value, Expectation.Builder builder) {
        value.text("a regular expression the body must match").ifPresent(text -> {
            try {
                builder.bodyMatches(text.value());
            } catch (PatternSyntaxException invalid) {
                value.error("not a valid regular expression: " + invalid.getDescription()
                        + (text.hidden() ? " (value hidden)" : " near index " + invalid.getIndex() + " of " + quote(text.value())));
            }
        });
    }

    private static void jsonField(YamlMap field, Expectation.Builder builder) {
        Optional<String> name = field.required("name", "the JSON field, nested with dots such as components.db.status")
                .flatMap(value -> value.string("a JSON field name"));
        Optional<YamlValue.Text> expected = field.required("value", "the value the field must have, such as UP")
                .flatMap(value -> value.text("the field's expected value"));
        if (name.isPresent() && expected.isPresent()) {
            try {
                builder.jsonField(name.get(), expected.get().value());
            } catch (IllegalArgumentException invalid) {
                field.get("name").orElseThrow().rejected("the field name", invalid);
            }
        }
    }

    private static void durationOrOff(YamlValue value, Consumer<Duration> set, Runnable off) {
        value.text(Durations.EXAMPLE + " or off").ifPresent(text -> {
            if (text.value().strip().equals(OFF)) {
                off.run();
            } else {
                value.duration().ifPresent(set);
            }
        });
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\\\"") + '"';
    }
}
