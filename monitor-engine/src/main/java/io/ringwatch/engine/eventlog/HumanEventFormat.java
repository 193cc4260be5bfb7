package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Renders an {@link Event} as the line people read in a log, as the original monitor wrote it:
 * {@code 2026-11-24 10:15:00Z n1 CRITICAL: orders-api DOWN on node n3} — the time to the second
 * in UTC, the observer, then {@link Event#humanLine()}. The result is always one line, whatever
 * the message held (an {@link Event} keeps its message on one line). Stateless and thread-safe.
 */
public final class HumanEventFormat {
    private HumanEventFormat() {
    }

    /**
     * The event as one human line, without a line end.
     *
     * @throws NullPointerException if {@code event} is null
     */
    public static String format(Event event) {
        Objects.requireNonNull(event, "event");
        // Instant.toString covers every instant (a formatter with a zone stops short of Instant.MIN and MAX).
        String time = event.at().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
        return time + " " + event.observer() + " " + event.humanLine();
    }
}
