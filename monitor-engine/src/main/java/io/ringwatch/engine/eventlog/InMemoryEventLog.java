package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@link EventLog} that keeps events in memory, in the order they were appended: for tests,
 * and for host applications that embed the engine and store or show events their own way.
 * Nothing survives the process, and nothing is ever dropped, so clear it if it runs for long.
 * Thread-safe: any thread may append, read or clear at any time. {@link #close()} does nothing;
 * the log stays usable.
 */
public final class InMemoryEventLog implements EventLog {
    private final List<Event> events = new ArrayList<>();

    /** Creates an empty log. */
    public InMemoryEventLog() {
    }

    /**
     * Keeps the event.
     *
     * @throws NullPointerException if {@code event} is null
     */
    @Override
    public void append(Event event) {
        Objects.requireNonNull(event, "event");
        synchronized (events) {
            events.add(event);
        }
    }

    /** Every event appended so far, oldest first: what a restarted engine reads back. */
    @Override
    public List<Event> replay() {
        return events();
    }

    /** All events so far, in append order: an immutable snapshot that later appends do not change. */
    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /**
     * The events of one kind so far, in append order: an immutable snapshot.
     *
     * @throws NullPointerException if {@code kind} is null
     */
    public List<Event> events(EventKind kind) {
        Objects.requireNonNull(kind, "kind");
        return events().stream().filter(event -> event.kind() == kind).toList();
    }

    /** Forgets every event appended so far. */
    public void clear() {
        synchronized (events) {
            events.clear();
        }
    }

    /** The number of events, not their contents: {@code InMemoryEventLog[3 events]}. */
    @Override
    public String toString() {
        int count;
        synchronized (events) {
            count = events.size();
        }
        return "InMemoryEventLog[" + count + (count == 1 ? " event]" : " events]");
    }
}
