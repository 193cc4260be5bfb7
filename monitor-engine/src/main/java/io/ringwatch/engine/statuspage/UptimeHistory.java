package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.EventLog;
import io.ringwatch.api.TargetId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of the last days that uptime and incidents are made of (state changes,
 * maintenance, acknowledgements, messages, annotations, and queued or suppressed notifications,
 * which carry incident keys), kept in memory so that a status page costs no reading of the log. Fed with
 * what the log held before the start ({@link #seed}) and with every event as the engine
 * records it ({@link #keeping}).
 *
 * <p>State changes and maintenance events, which uptime is made of, are capped apart from the
 * others, which only name and annotate incidents: however many notifications and messages a busy
 * farm has, they never push a state change out. If the cap does drop a state change or a
 * maintenance event inside the span, the figures before {@link #completeSince()} may differ from
 * the log's, and one warning says so. Thread-safe.
 */
public final class UptimeHistory {
    /** How far back a status page looks. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(90);
    /**
     * How many state changes and maintenance events are kept by default: months of a farm of
     * dozens of targets. Half as many of the other kinds are kept besides.
     */
    public static final int DEFAULT_MAX_EVENTS = 50_000;

    /** The kinds of event a report is made of; others are not kept. */
    public static final Set<EventKind> KINDS = EnumSet.of(EventKind.STATE_CHANGED, EventKind.MAINTENANCE_STARTED,
            EventKind.MAINTENANCE_ENDED, EventKind.ACKNOWLEDGED, EventKind.MESSAGE_RECEIVED, EventKind.ANNOTATION,
            EventKind.NOTIFICATION_QUEUED, EventKind.NOTIFICATION_SUPPRESSED);

    /** The kinds uptime is made of, kept under their own cap. */
    private static final Set<EventKind> UPTIME_KINDS = EnumSet.of(EventKind.STATE_CHANGED,
            EventKind.MAINTENANCE_STARTED, EventKind.MAINTENANCE_ENDED);

    private static final Logger LOG = LoggerFactory.getLogger(UptimeHistory.class);

    private final Duration span;
    private final int maxUptimeEvents;
    private final int maxIncidentEvents;
    /** Whether it warns when the cap drops what uptime is made of (not so the one {@link #seed} fills). */
    private final boolean warns;
    /** The state changes and maintenance events kept, oldest (then first recorded) at the head. */
    private final PriorityQueue<Kept> uptimeEvents = new PriorityQueue<>();
    /** The other kinds kept: what incidents' keys and notes are made of. */
    private final PriorityQueue<Kept> incidentEvents = new PriorityQueue<>();
    /**
     * What the dropped events still say: each target's last state change, and its last maintenance
     * event (a window still open if that is a start). The newest wins, since seeded events may be
     * dropped after live ones.
     */
    private final Map<TargetId, Event> lastStateBefore = new HashMap<>();
    private final Map<TargetId, Event> lastMaintenanceBefore = new HashMap<>();
    /** Orders events of the same instant: recorded ones count up from 0, seeded ones down from it. */
    private long nextSeq;
    private long firstSeq;
    /** The newest instant ever kept, which the span counts back from; null before the first event. */
    private Instant newest;
    /** Counts the events kept, for {@link #version()}. */
    private long version;
    /** The oldest instant recorded live; null before the first. */
    private Instant firstRecorded;
    /** The newest state or maintenance event the cap dropped, and the oldest kept then; null if none. */
    private Instant cappedUpTo;
    private Instant completeSince;
    private boolean warned;

    private UptimeHistory(Duration span, int maxEvents, boolean warns) {
        this.span = span;
        this.maxUptimeEvents = maxEvents;
        this.maxIncidentEvents = Math.max(1, maxEvents / 2);
        this.warns = warns;
    }

    /** A history of the last {@value #DEFAULT_MAX_EVENTS} state and maintenance events of the last 90 days. */
    public static UptimeHistory create() {
        return create(DEFAULT_SPAN, DEFAULT_MAX_EVENTS);
    }

    /**
     * A history of the last {@code span}, holding at most {@code maxEvents} state changes and
     * maintenance events and, apart from them, at most {@code maxEvents / 2} (at least 1) of the
     * other kinds; past either cap the oldest of that group is dropped.
     *
     * @throws IllegalArgumentException if {@code span} is not positive or {@code maxEvents} is below 1
     * @throws NullPointerException if {@code span} is null
     */
    public static UptimeHistory create(Duration span, int maxEvents) {
        if (Objects.requireNonNull(span, "span").isNegative() || span.isZero()) {
            throw new IllegalArgumentException("the span must be positive, not " + span);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, not " + maxEvents);
        }
        return new UptimeHistory(span, maxEvents, true);
    }

    /** How far back it keeps events. */
    public Duration span() {
        return span;
    }

    /**
     * Keeps the event if it is of a kind reports are made of. Events should come oldest first;
     * one that comes late is still kept in its place.
     *
     * @throws NullPointerException if {@code event} is null
     */
    public void record(Event event) {
        if (!KINDS.contains(Objects.requireNonNull(event, "event").kind())) {
            return;
        }
        Instant warnFrom;
        synchronized (this) {
            firstRecorded = firstRecorded == null || event.at().isBefore(firstRecorded) ? event.at() : firstRecorded;
            add(event, nextSeq++);
            warnFrom = trim();
        }
        warn(warnFrom);
    }

    /**
     * Adds what the log held before this run, in any order: the kept kinds among the events
     * before {@code until} (the moment this run began recording) and before the first event
     * recorded live, so that an event both read back and recorded live is kept once. Events of
     * the same instant keep the order they came in, before those recorded live. May be called
     * while events are being recorded; the events read are held in no more memory than the
     * history itself.
     *
     * @throws NullPointerException if {@code earlier}, one of its events or {@code until} is null
     */
    public void seed(Iterable<Event> earlier, Instant until) {
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(until, "until");
        Instant before;
        synchronized (this) {
            before = firstRecorded != null && firstRecorded.isBefore(until) ? firstRecorded : until;
        }
        UptimeHistory older = new UptimeHistory(span, maxUptimeEvents, false); // bounded however long the log
        for (Event event : earlier) {
            if (Objects.requireNonNull(event, "event").at().isBefore(before)) {
                older.record(event);
            }
        }
        Instant warnFrom;
        synchronized (this) {
            firstSeq -= older.uptimeEvents.size() + older.incidentEvents.size();
            long seq = firstSeq;
            for (Event event : older.keptInOrder()) {
                add(event, seq++);
            }
            older.lastStateBefore.values().forEach(this::remember);
            older.lastMaintenanceBefore.values().forEach(this::remember);
            newest = later(newest, older.newest);
            cappedUpTo = later(cappedUpTo, older.cappedUpTo);
            completeSince = later(completeSince, older.completeSince);
            warnFrom = trim();
        }
        warn(warnFrom);
    }

    /**
     * The events kept, oldest first; of the same instant, in the order they came. Past the
     * span, each target's last state change and the maintenance windows still open are kept
     * (before the others of their instant), so that a target that has not changed for months is
     * still known to be UP.
     */
    public synchronized List<Event> events() {
        List<Event> all = new ArrayList<>(lastStateBefore.size() + lastMaintenanceBefore.size()
                + uptimeEvents.size() + incidentEvents.size());
        all.addAll(lastStateBefore.values());
        lastMaintenanceBefore.values().stream().filter(event -> event.kind() == EventKind.MAINTENANCE_STARTED).forEach(all::add);
        all.sort(Comparator.comparing(Event::at));
        all.addAll(keptInOrder());
        all.sort(Comparator.comparing(Event::at)); // stable: what was dropped first, then what is kept in its order
        return all;
    }

    /**
     * A number that changes whenever an event is kept: figures made from {@link #events()} at
     * one version are still good at the same version.
     */
    public synchronized long version() {
        return version;
    }

    /**
     * From when the state changes and maintenance events kept are complete: empty unless the cap
     * dropped some of them that are not yet past the span (a day more) anyway, and then the
     * instant of the oldest kept after the drop. The figures before it may differ from those of
     * the whole log ({@code ringwatch report}); from it on, they are the same.
     */
    public synchronized Optional<Instant> completeSince() {
        return cappedUpTo == null || cappedUpTo.isBefore(oldestKept()) ? Optional.empty() : Optional.of(completeSince);
    }

    /**
     * The log, also telling this history of every event appended to it: give this to the
     * engine in place of the log itself.
     *
     * @throws NullPointerException if {@code log} is null
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

    private void add(Event event, long seq) {
        (UPTIME_KINDS.contains(event.kind()) ? uptimeEvents : incidentEvents).add(new Kept(event, seq));
        newest = later(newest, event.at());
        version++;
    }

    /** Both kinds of event kept, by instant and then by when they came. */
    private List<Event> keptInOrder() {
        List<Kept> kept = new ArrayList<>(uptimeEvents.size() + incidentEvents.size());
        kept.addAll(uptimeEvents);
        kept.addAll(incidentEvents);
        kept.sort(null);
        return kept.stream().map(Kept::event).toList();
    }

    /** Drops what is past the span or either cap; returns when to warn from, if now is the time. */
    private Instant trim() {
        Instant oldestKept = oldestKept();
        boolean capped = false;
        while (!uptimeEvents.isEmpty()
                && (uptimeEvents.size() > maxUptimeEvents || uptimeEvents.peek().at().isBefore(oldestKept))) {
            Event dropped = uptimeEvents.poll().event();
            if (!dropped.at().isBefore(oldestKept)) {
                cappedUpTo = later(cappedUpTo, dropped.at());
                capped = true;
            }
            remember(dropped);
        }
        if (capped) {
            completeSince = later(completeSince, uptimeEvents.peek().at());
        }
        while (!incidentEvents.isEmpty()
                && (incidentEvents.size() > maxIncidentEvents || incidentEvents.peek().at().isBefore(oldestKept))) {
            incidentEvents.poll();
        }
        if (!warns || warned || completeSince().isEmpty()) {
            return null;
        }
        warned = true;
        return completeSince;
    }

    private void warn(Instant from) {
        if (from != null) {
            LOG.warn("The status page's history keeps at most {} state and maintenance events and had to drop some from the "
                    + "last {} days: its figures before {} may differ from the event log's (ringwatch report)",
                    maxUptimeEvents, span.toDays(), from);
        }
    }

    /** Keeps what a dropped state or maintenance event still says. */
    private void remember(Event dropped) {
        TargetId target = dropped.target();
        if (target == null) {
            return;
        }
        if (dropped.kind() == EventKind.STATE_CHANGED) {
            lastStateBefore.merge(target, dropped, UptimeHistory::newer);
        } else if (dropped.kind() == EventKind.MAINTENANCE_STARTED || dropped.kind() == EventKind.MAINTENANCE_ENDED) {
            lastMaintenanceBefore.merge(target, dropped, UptimeHistory::newer);
        }
    }

    /** Before this, events are dropped: the span and a day more, for the state at the span's start. */
    private Instant oldestKept() {
        return newest == null ? Instant.MIN : newest.minus(span).minus(Duration.ofDays(1));
    }

    private static Event newer(Event kept, Event dropped) {
        return dropped.at().isBefore(kept.at()) ? kept : dropped;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    @Override
    public synchronized String toString() {
        return "UptimeHistory[" + uptimeEvents.size() + " state and maintenance and " + incidentEvents.size()
                + " other events over " + span.toDays() + " days]";
    }

    /** An event kept, ordered by its instant and then by when it came. */
    private record Kept(Event event, long seq) implements Comparable<Kept> {
        Instant at() {
            return event.at();
        }

        @Override
        public int compareTo(Kept other) {
            int byTime = at().compareTo(other.at());
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
