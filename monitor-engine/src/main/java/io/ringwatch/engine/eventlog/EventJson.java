package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.json.Json;
import io.ringwatch.engine.json.JsonException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The line format of the event log: one {@link Event} as one compact JSON object, such as
 * <pre>{@code {"at":"2026-11-24T10:15:00Z","kind":"STATE_CHANGED","observer":"n1","target":"n3/orders-api",
 * "status":"DOWN","previous":"UP","severity":"CRITICAL","message":"orders-api DOWN on node n3",
 * "attributes":{"reason":"connection refused"}}}</pre>
 * (shown wrapped; it is one line). Fields come in that order: {@code at} (an ISO-8601 instant),
 * {@code kind}, {@code observer}, {@code target} ({@code n3} or {@code n3/orders-api}),
 * {@code status}, {@code previous}, {@code severity}, {@code message} and {@code attributes}
 * (an object of strings). {@code target}, {@code status} and {@code previous} are left out when
 * null, {@code attributes} when empty. Reading accepts {@code null} for them too, and ignores
 * fields it does not know, so that logs written by a later version stay readable.
 * Stateless and thread-safe.
 */
public final class EventJson {
    private EventJson() {
    }

    /**
     * Writes the event as one JSON line, without the line end. The result holds no line break
     * whatever the event contains.
     *
     * @throws NullPointerException if {@code event} is null
     */
    public static String encode(Event event) {
        Objects.requireNonNull(event, "event");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", event.at().toString());
        json.put("kind", event.kind().name());
        json.put("observer", event.observer().value());
        putIfNotNull(json, "target", event.target());
        putIfNotNull(json, "status", event.status());
        putIfNotNull(json, "previous", event.previous());
        json.put("severity", event.severity().name());
        json.put("message", event.message());
        if (!event.attributes().isEmpty()) {
            json.put("attributes", event.attributes());
        }
        return Json.write(json);
    }

    /**
     * Reads an event from one JSON line (with or without its line end).
     *
     * @throws NullPointerException if {@code line} is null
     * @throws IllegalArgumentException if the line is not a JSON object, or a field is missing
     *         or wrong; the message names the field
     */
    public static Event decode(String line) {
        Objects.requireNonNull(line, "line");
        Object parsed;
        try {
            parsed = Json.parse(line);
        } catch (JsonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("expected a JSON object but found " + show(parsed));
        }
        return new Event(
                instant(json),
                enumField(json, "kind", EventKind.class, true),
                node(json),
                target(json),
                enumField(json, "status", Status.class, false),
                enumField(json, "previous", Status.class, false),
                enumField(json, "severity", Severity.class, true),
                string(json, "message", true),
                attributes(json));
    }

    private static void putIfNotNull(Map<String, Object> json, String field, Object value) {
        if (value != null) {
            json.put(field, value.toString());
        }
    }

    private static Instant instant(Map<?, ?> json) {
        String text = string(json, "at", true);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw wrong("at", "an ISO-8601 instant such as 2026-11-24T10:15:00Z", text);
        }
    }

    private static NodeId node(Map<?, ?> json) {
        String text = string(json, "observer", true);
        try {
            return NodeId.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'observer': " + e.getMessage(), e);
        }
    }

    private static TargetId target(Map<?, ?> json) {
        String text = string(json, "target", false);
        try {
            return text == null ? null : TargetId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'target': " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E enumField(Map<?, ?> json, String field, Class<E> type, boolean required) {
        String text = string(json, field, required);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw wrong(field, "one of " + Arrays.toString(type.getEnumConstants()), text);
    }

    private static Map<String, String> attributes(Map<?, ?> json) {
        Object value = json.get("attributes");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrong("attributes", "an object of strings", value);
        }
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String text)) {
                throw wrong("attributes", "a string for " + show(entry.getKey()), entry.getValue());
            }
            attributes.put((String) entry.getKey(), text);
        }
        return attributes;
    }

    private static String string(Map<?, ?> json, String field, boolean required) {
        Object value = json.get(field);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("field '" + field + "' " + (json.containsKey(field) ? "must not be null" : "is missing"));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw wrong(field, "a string", value);
        }
        return text;
    }

    private static IllegalArgumentException wrong(String field, String expected, Object found) {
        return new IllegalArgumentException("field '" + field + "': expected " + expected + " but found " + show(found));
    }

    /** A value as JSON, on one line and cut short, so that a message never quotes much. */
    private static String show(Object value) {
        return OneLine.of(Json.write(value), 60);
    }
}
