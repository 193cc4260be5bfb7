package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.EventLog;
import io.ringwatch.api.TargetId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The events of the last days that uptime and incidents are made of (state changes,
 * maintenance, acknowledgements, messages, annotations, and queued or suppressed notifications,
 * which carry incident keys), kept in memory so that a status page costs no reading of the log. Fed with
 * what the log held before the start ({@link #seed}) and with every event as the engine
 * records it ({@link #keeping}). Holds at most {@code maxEvents}, dropping the oldest.
 * Thread-safe.
 */
public final class UptimeHistory {
    /** How far back a status page looks. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(90);
    /** How many events are kept by default: months of a farm of dozens of targets. */
    public static final int DEFAULT_MAX_EVENTS = 50_000;

    /** The kinds of event a report is made of; others are not kept. */
    public static final Set<EventKind> KINDS = EnumSet.of(EventKind.STATE_CHANGED, EventKind.MAINTENANCE_STARTED,
            EventKind.MAINTENANCE_ENDED, EventKind.ACKNOWLEDGED, EventKind.MESSAGE_RECEIVED, EventKind.ANNOTATION,
            EventKind.NOTIFICATION_QUEUED, EventKind.NOTIFICATION_SUPPRESSED);

    private final Duration span;
    private final int maxEvents;
    private final Deque<Event> events = new ArrayDeque<>();
    /**
     * What the dropped events still say: each target's last state change, and its last maintenance
     * event (a window still open if that is a start). The newest wins, since seeded events may be
     * dropped after live ones.
     */
    private final Map<TargetId, Event> lastStateBefore = new HashMap<>();
    private final Map<TargetId, Event> lastMaintenanceBefore = new HashMap<>();

    private UptimeHistory(Duration span, int maxEvents) {
        this.span = span;
        this.maxEvents = maxEvents;
    }

    /** A history of the last {@value #DEFAULT_MAX_EVENTS} events of the last 90 days. */
    public static UptimeHistory create() {
        return create(DEFAULT_SPAN, DEFAULT_MAX_EVENTS);
    }

    /**
     * A history of at most {@code maxEvents} events of the last {@code span}.
     *
     * @throws IllegalArgumentException if {@code span} is not positive or {@code maxEvents} is below 1
     */
    public static UptimeHistory create(Duration span, int maxEvents) {
        if (Objects.requireNonNull(span, "span").isNegative() || span.isZero()) {
            throw new IllegalArgumentException("the span must be positive, not " + span);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, not " + maxEvents);
        }
        return new UptimeHistory(span, maxEvents);
    }

    /** How far back it keeps events. */
    public Duration span() {
        return span;
    }

    /** Keeps the event if it is of a kind reports are made of. Events come oldest first. */
    public synchronized void record(Event event) {
        if (!KINDS.contains(Objects.requireNonNull(event, "event").kind())) {
            return;
        }
        events.addLast(event);
        trim(event.at());
    }

    /**
     * Adds what the log held before this run, oldest first: the kept kinds among the events
     * before {@code until} (the moment this run began recording), so that an event both read
     * back and recorded live is kept once. May be called while events are being recorded; the
     * events read are held in no more memory than the history itself.
     */
    public void seed(Iterable<Event> earlier, Instant until) {
        Instant before;
        synchronized (this) {
            Instant firstLive = events.isEmpty() ? Instant.MAX : events.peekFirst().at();
            before = firstLive.isBefore(until) ? firstLive : until;
        }
        UptimeHistory older = new UptimeHistory(span, maxEvents); // bounded however long the log
        for (Event event : earlier) {
            if (event.at().isBefore(before)) {
                older.record(event);
            }
        }
        List<Event> kept = older.events();
        synchronized (this) {
            for (int i = kept.size() - 1; i >= 0; i--) {
                events.addFirst(kept.get(i));
            }
            if (!events.isEmpty()) {
                trim(events.peekLast().at());
            }
        }
    }

    /**
     * The events kept, oldest first. Past the span, each target's last state change and the
     * maintenance windows still open are kept, so that a target that has not changed for
     * months is still known to be UP.
     */
    public synchronized List<Event> events() {
        List<Event> all = new ArrayList<>(lastStateBefore.size() + lastMaintenanceBefore.size() + events.size());
        all.addAll(lastStateBefore.values());
        lastMaintenanceBefore.values().stream().filter(event -> event.kind() == EventKind.MAINTENANCE_STARTED).forEach(all::add);
        all.sort(Comparator.comparing(Event::at));
        all.addAll(events);
        return all;
    }

    /**
     * The log, also telling this history of every event appended to it: give this to the
     * engine in place of the log itself.
     */
    public EventLog keeping(EventLog log) {
        Objects.requireNonNull(log, "log");
        return new EventLog() {
            @Override
            public void append(Event event) throws IOException {
                log.append(event);
                record(event);
            }

            @Override
            public void flush() throws IOException {
                log.flush();
            }

            @Override
            public List<Event> replay() throws IOException {
                return log.replay();
            }

            @Override
            public void close() throws IOException {
                log.close();
            }

            @Override
            public String toString() {
                return log.toString();
            }
        };
    }

    private void trim(Instant newest) {
        Instant oldestKept = newest.minus(span).minus(Duration.ofDays(1)); // a day more: the state at the span's start
        while (events.size() > maxEvents || !events.isEmpty() && events.peekFirst().at().isBefore(oldestKept)) {
            Event dropped = events.removeFirst();
            TargetId target = dropped.target();
            if (target == null) {
                continue;
            }
            if (dropped.kind() == EventKind.STATE_CHANGED) {
                lastStateBefore.merge(target, dropped, UptimeHistory::newer);
            } else if (dropped.kind() == EventKind.MAINTENANCE_STARTED || dropped.kind() == EventKind.MAINTENANCE_ENDED) {
                lastMaintenanceBefore.merge(target, dropped, UptimeHistory::newer);
            }
        }
    }

    private static Event newer(Event kept, Event dropped) {
        return dropped.at().isBefore(kept.at()) ? kept : dropped;
    }

    @Override
    public synchronized String toString() {
        return "UptimeHistory[" + events.size() + " events over " + span.toDays() + " days]";
    }
}
