package io.ringwatch.engine.check;

import io.ringwatch.engine.json.Json;
import io.ringwatch.engine.json.JsonException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One test of a response body; says what is wrong, or nothing. */
interface BodyCheck {

    /** The problem with this body, or empty when it passes. */
    Optional<String> problemWith(String body);

    static BodyCheck contains(String text) {
        Objects.requireNonNull(text, "text");
        return new BodyCheck() {
            @Override
            public Optional<String> problemWith(String body) {
                return body.contains(text) ? Optional.empty()
                        : Optional.of("body does not contain " + Expectation.quote(text));
            }

            @Override
            public String toString() {
                return "contains " + Expectation.quote(text);
            }
        };
    }

    static BodyCheck matches(Pattern pattern) {
        return new BodyCheck() {
            @Override
            public Optional<String> problemWith(String body) {
                return pattern.matcher(body).find() ? Optional.empty()
                        : Optional.of("body does not match /" + pattern.pattern() + "/");
            }

            @Override
            public String toString() {
                return "matches /" + pattern.pattern() + "/";
            }
        };
    }

    static BodyCheck jsonField(String path, String expected) {
        Objects.requireNonNull(expected, "expectedValue");
        String[] steps = Objects.requireNonNull(path, "path").split("\\.", -1);
        for (String step : steps) {
            if (step.isEmpty()) {
                throw new IllegalArgumentException("JSON field path '" + path + "' has an empty step");
            }
        }
        return new BodyCheck() {
            @Override
            public Optional<String> problemWith(String body) {
                Object node;
                try {
                    node = Json.parse(body);
                } catch (JsonException notJson) {
                    return Optional.of("body is not JSON, expected field " + path);
                }
                for (String step : steps) {
                    if (!(node instanceof Map<?, ?> object) || !object.containsKey(step)) {
                        return Optional.of("body has no field " + path);
                    }
                    node = object.get(step);
                }
                String actual = String.valueOf(node);
                return actual.equals(expected) ? Optional.empty()
                        : Optional.of(path + " is " + Expectation.quote(actual) + ", expected " + Expectation.quote(expected));
            }

            @Override
            public String toString() {
                return path + " = " + Expectation.quote(expected);
            }
        };
    }
}
