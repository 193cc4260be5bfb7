package io.ringwatch.benchmarks;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.ServiceId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up event histories for {@link StatusPageCost}: what one watcher would log over some days
 * about the partners it watches, each partner a node target and its services. Every target
 * starts UP a day before the period and then flaps at random (a Poisson process of the given
 * rate per target per day): DOWN, or DEGRADED one time in five, for a few minutes (exponential,
 * mean 6 min, at most 2 h), then UP again. A DOWN queues an alert and then a recovery
 * notification with the incident's key ({@code target@start}, as the engine makes it); one
 * alert in three is acknowledged with a note, one in five gets a message quoting the key.
 * Every partner node has a one-hour maintenance window every ten days. The same arguments give
 * the same events. Stateless; thread-safe.
 */
final class EventHistory {
    /** Mean length of a flap's outage. */
    static final Duration MEAN_OUTAGE = Duration.ofMinutes(6);
    /** Longest outage. */
    static final Duration MAX_OUTAGE = Duration.ofHours(2);
    /** Every partner node is in maintenance for {@link #MAINTENANCE_LENGTH} once every this many days. */
    static final int MAINTENANCE_EVERY_DAYS = 10;
    static final Duration MAINTENANCE_LENGTH = Duration.ofHours(1);
    /** At most this many flaps per target per day: bounds the generator's loop. */
    static final int MAX_FLAPS_PER_DAY = 1000;

    private EventHistory() {
    }

    /**
     * The targets {@code observer} watches: each partner's node and its services {@code svc1}...
     *
     * @param servicesPerPartner services on each partner, so each partner gives 1 + that many targets
     */
    static List<TargetId> targets(List<NodeId> partners, int servicesPerPartner) {
        List<TargetId> targets = new ArrayList<>();
        for (NodeId partner : partners) {
            targets.add(TargetId.node(partner));
            for (int s = 1; s <= servicesPerPartner; s++) {
                targets.add(TargetId.service(partner, serviceId(s)));
            }
        }
        return List.copyOf(targets);
    }

    /** The name of the {@code s}-th service (1-based) of a node. */
    static ServiceId serviceId(int s) {
        return ServiceId.of("svc" + s);
    }

    /**
     * The events {@code observer} logs about {@code targets} over the {@code days} days before
     * {@code end} and one day more, oldest first (events of one instant in the order made).
     *
     * @param flapsPerDay mean flaps per target per day, 0 to {@value #MAX_FLAPS_PER_DAY}
     * @throws IllegalArgumentException if {@code days} is below 1 or {@code flapsPerDay} out of range
     */
    static List<Event> generate(NodeId observer, List<TargetId> targets, int days, double flapsPerDay, Instant end, long seed) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        if (!(flapsPerDay >= 0 && flapsPerDay <= MAX_FLAPS_PER_DAY)) {
            throw new IllegalArgumentException("flaps per day must be 0 to " + MAX_FLAPS_PER_DAY + ", was " + flapsPerDay);
        }
        Instant start = end.minus(Duration.ofDays(days + 1L));
        List<Event> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (TargetId target : targets) {
            flaps(observer, target, start, end, flapsPerDay, random.split(), events);
            if (target.isNode()) {
                maintenance(observer, target, start, end, events);
            }
        }
        events.sort(Comparator.comparing(Event::at)); // stable: one target's events keep their order
        return List.copyOf(events);
    }

    private static void flaps(NodeId observer, TargetId target, Instant start, Instant end, double flapsPerDay,
            SplittableRandom random, List<Event> events) {
        events.add(state(observer, target, start, Status.UP, Status.UNKNOWN));
        if (flapsPerDay == 0) {
            return;
        }
        double meanGapSeconds = 86_400 / flapsPerDay;
        Instant at = start;
        long bound = (long) Math.ceil(flapsPerDay * Duration.between(start, end).toDays() + 1) * 4 + 16;
        for (long flap = 0; flap < bound; flap++) {
            at = at.plusMillis(Math.max(1000, Math.round(exponential(random, meanGapSeconds) * 1000)));
            if (!at.isBefore(end)) {
                return;
            }
            Status bad = random.nextInt(5) == 0 ? Status.DEGRADED : Status.DOWN;
            long outageMillis = Math.min(MAX_OUTAGE.toMillis(),
                    Math.max(1000, Math.round(exponential(random, MEAN_OUTAGE.toSeconds()) * 1000)));
            Instant back = at.plusMillis(outageMillis);
            String key = target + "@" + at;
            events.add(state(observer, target, at, bad, Status.UP));
            if (bad == Status.DOWN) {
                events.add(queued(observer, target, at.plusMillis(20), key, "ALERT"));
                if (random.nextInt(3) == 0 && outageMillis > 60_000) {
                    Instant ackAt = at.plusMillis(outageMillis / 2);
                    events.add(Event.builder(EventKind.ACKNOWLEDGED).at(ackAt).observer(observer).target(target)
                            .message("alice acknowledged " + target).attribute("by", "alice")
                            .attribute("note", "looking into it, flap " + flap).attribute("incident", key).build());
                }
                if (random.nextInt(5) == 0) {
                    Instant said = at.plusMillis(outageMillis / 3);
                    String text = "bob: " + target + " restarted by the deploy, should be back in a minute (" + flap + ")";
                    events.add(Event.builder(EventKind.MESSAGE_RECEIVED).at(said).observer(observer).target(target)
                            .message(text).attribute("by", "bob").attribute("text", text).attribute("incident", key)
                            .attribute("via", "matrix").build());
                }
            }
            if (!back.isBefore(end)) {
                return; // still out at the end
            }
            events.add(state(observer, target, back, Status.UP, bad));
            if (bad == Status.DOWN) {
                events.add(queued(observer, target, back.plusMillis(20), key, "RECOVERY"));
            }
            at = back;
        }
    }

    private static void maintenance(NodeId observer, TargetId target, Instant start, Instant end, List<Event> events) {
        for (Instant at = start.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)); at.plus(MAINTENANCE_LENGTH).isBefore(end);
                at = at.plus(Duration.ofDays(MAINTENANCE_EVERY_DAYS))) {
            events.add(Event.builder(EventKind.MAINTENANCE_STARTED).at(at).observer(observer).target(target)
                    .message("maintenance of " + target).attribute("reason", "kernel upgrade").build());
            events.add(Event.builder(EventKind.MAINTENANCE_ENDED).at(at.plus(MAINTENANCE_LENGTH)).observer(observer)
                    .target(target).message("maintenance of " + target + " over").build());
        }
    }

    private static Event state(NodeId observer, TargetId target, Instant at, Status to, Status from) {
        return Event.builder(EventKind.STATE_CHANGED).at(at).observer(observer).target(target).status(to).previous(from)
                .severity(to == Status.UP ? Severity.INFORMATION : to.severity())
                .message(target + " " + to + " (was " + from + "; seen by " + observer + ": HTTP 503)")
                .attribute("reason", to == Status.UP ? "HTTP 200" : "HTTP 503").attribute("since", at).build();
    }

    private static Event queued(NodeId observer, TargetId target, Instant at, String key, String kind) {
        return Event.builder(EventKind.NOTIFICATION_QUEUED).at(at).observer(observer).target(target)
                .message(kind + " about " + target + " queued for ops").attribute("incident", key)
                .attribute("channel", "ops").attribute("kind", kind).build();
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
