package io.ringwatch.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of the audit trail: something that happened, when, on which observer, about
 * which target. Immutable and thread-safe; build one with {@link #builder}.
 *
 * @param at when it happened
 * @param kind what happened
 * @param observer the node whose engine recorded it
 * @param target the target it is about, or {@code null}
 * @param status the status it is about (the new one for a change), or {@code null}
 * @param previous the status before a change, or {@code null}
 * @param severity how urgent
 * @param message one line for people, without the severity label
 * @param attributes more facts as text (reason, incident, channel, by, latency); sorted by key
 */
public record Event(
        Instant at,
        EventKind kind,
        NodeId observer,
        TargetId target,
        Status status,
        Status previous,
        Severity severity,
        String message,
        Map<String, String> attributes) {
    /** The longest message kept. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    /** @throws NullPointerException if {@code at}, {@code kind}, {@code observer}, {@code severity}, {@code message} or {@code attributes} is null */
    public Event {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(severity, "severity");
        message = OneLine.of(Objects.requireNonNull(message, "message"), MAX_MESSAGE_LENGTH);
        attributes = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /** Starts a builder for an event of this kind. */
    public static Builder builder(EventKind kind) {
        return new Builder(kind);
    }

    /** The target, if the event is about one. */
    public Optional<TargetId> targetId() {
        return Optional.ofNullable(target);
    }

    /** An attribute, if set. */
    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** The line people read: {@code CRITICAL: orders-api DOWN on node n3 (seen by n1: HTTP 503)}. */
    public String humanLine() {
        return severity + ": " + message;
    }

    @Override
    public String toString() {
        return at + " " + observer + " " + kind + " " + humanLine();
    }

    /** Collects the values of an {@link Event}. Not thread-safe. */
    public static final class Builder {
        private final EventKind kind;
        private Instant at;
        private NodeId observer;
        private TargetId target;
        private Status status;
        private Status previous;
        private Severity severity = Severity.INFORMATION;
        private String message = "";
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(EventKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Builder observer(NodeId observer) {
            this.observer = observer;
            return this;
        }

        public Builder target(TargetId target) {
            this.target = target;
            return this;
        }

        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        public Builder previous(Status previous) {
            this.previous = previous;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Adds a fact; a {@code null} value is left out. */
        public Builder attribute(String key, Object value) {
            if (value != null) {
                attributes.put(Objects.requireNonNull(key, "key"), String.valueOf(value));
            }
            return this;
        }

        /**
         * Builds the event.
         *
         * @throws NullPointerException if {@code at} or {@code observer} is missing
         */
        public Event build() {
            return new Event(at, kind, observer, target, status, previous, severity, message, attributes);
        }
    }
}
