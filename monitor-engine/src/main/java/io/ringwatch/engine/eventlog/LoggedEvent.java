package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An event as a log file holds it. Immutable and thread-safe.
 *
 * @param event the event
 * @param json its line as written, without the line end: {@link EventJson}, with any field a
 *        later version added
 * @param file the file it was read from
 * @param line its line number in that file, from 1
 */
public record LoggedEvent(Event event, String json, Path file, long line) {
    /** @throws NullPointerException if {@code event}, {@code json} or {@code file} is null */
    public LoggedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(file, "file");
    }
}
