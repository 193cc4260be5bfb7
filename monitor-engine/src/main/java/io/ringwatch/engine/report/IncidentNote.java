package io.ringwatch.engine.report;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a person did or wrote about an incident. Immutable and thread-safe.
 *
 * @param at when
 * @param kind what: {@link Kind#ACKNOWLEDGED}, {@link Kind#MESSAGE} or {@link Kind#ANNOTATION}
 * @param by who, as the event names them; empty when it does not
 * @param text the note, the message or the annotation; empty for an acknowledgement without a note
 */
public record IncidentNote(Instant at, Kind kind, String by, String text) {
    /** What kind of note. */
    public enum Kind {
        /** Someone acknowledged the incident, perhaps with a note. */
        ACKNOWLEDGED,
        /** A message received from someone about the incident (a reply, a command). */
        MESSAGE,
        /** An annotation written into the log about the target. */
        ANNOTATION
    }

    /** @throws NullPointerException if an argument is null */
    public IncidentNote {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(text, "text");
    }
}
