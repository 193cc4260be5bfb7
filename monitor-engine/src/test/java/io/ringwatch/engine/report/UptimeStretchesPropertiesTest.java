package io.ringwatch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Cutting a period into stretches (the status page's day bars) loses and adds nothing: for any
 * history of state changes (with and without {@code since}, at and across the bounds) and
 * maintenance windows, each target's stretches add up to the report of the whole period, and
 * each stretch's five times add up to its length.
 */
class UptimeStretchesPropertiesTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final TargetId[] TARGETS = {TargetId.parse("n3"), TargetId.parse("n3/web"), TargetId.parse("n4")};
    private static final Status[] STATUSES = {Status.UP, Status.DOWN, Status.DEGRADED, Status.UNKNOWN};

    @Property(tries = 500)
    void stretchesAddUpToTheWholePeriod(@ForAll long seed) {
        Random random = new Random(seed);
        List<Instant> bounds = bounds(random);
        List<Event> events = history(random, bounds);

        Map<TargetId, List<TargetUptime>> stretches = UptimeReport.stretches(events, bounds);
        List<TargetUptime> whole = UptimeReport.of(events, bounds.get(0), bounds.get(bounds.size() - 1)).targets();

        assertThat(stretches.keySet()).containsExactlyInAnyOrderElementsOf(whole.stream().map(TargetUptime::target).toList());
        for (TargetUptime period : whole) {
            List<TargetUptime> parts = stretches.get(period.target());
            assertThat(parts).hasSize(bounds.size() - 1);
            assertThat(sum(parts, TargetUptime::up)).isEqualTo(period.up());
            assertThat(sum(parts, TargetUptime::degraded)).isEqualTo(period.degraded());
            assertThat(sum(parts, TargetUptime::down)).isEqualTo(period.down());
            assertThat(sum(parts, TargetUptime::maintenance)).isEqualTo(period.maintenance());
            assertThat(sum(parts, TargetUptime::unknown)).isEqualTo(period.unknown());
            for (int i = 0; i < parts.size(); i++) {
                TargetUptime part = parts.get(i);
                assertThat(part.up().plus(part.degraded()).plus(part.down()).plus(part.maintenance()).plus(part.unknown()))
                        .isEqualTo(Duration.between(bounds.get(i), bounds.get(i + 1)));
            }
        }
    }

    private static List<Instant> bounds(Random random) {
        List<Instant> bounds = new ArrayList<>();
        Instant bound = START.plusSeconds(random.nextInt(3600));
        for (int i = 0, count = 2 + random.nextInt(6); i < count; i++) {
            bounds.add(bound);
            bound = bound.plusSeconds(1 + random.nextInt(7200));
        }
        return bounds;
    }

    /** Up to 40 events from an hour before the first bound to an hour after the last, a quarter of them on a bound. */
    private static List<Event> history(Random random, List<Instant> bounds) {
        Instant first = bounds.get(0);
        int spread = (int) Duration.between(first, bounds.get(bounds.size() - 1)).toSeconds() + 7200;
        List<Event> events = new ArrayList<>();
        for (int i = 0, count = random.nextInt(40); i < count; i++) {
            Instant at = random.nextInt(4) == 0 ? bounds.get(random.nextInt(bounds.size()))
                    : first.minusSeconds(3600).plusSeconds(random.nextInt(spread));
            TargetId target = TARGETS[random.nextInt(TARGETS.length)];
            int kind = random.nextInt(10);
            if (kind < 7) {
                Event.Builder change = Event.builder(EventKind.STATE_CHANGED).at(at).observer(NodeId.of("n1")).target(target)
                        .status(STATUSES[random.nextInt(STATUSES.length)]).message("changed");
                if (random.nextBoolean()) {
                    change.attribute("since", random.nextInt(3) == 0 ? bounds.get(random.nextInt(bounds.size()))
                            : at.minusSeconds(random.nextInt(5000)));
                }
                events.add(change.build());
            } else {
                events.add(Event.builder(kind < 9 ? EventKind.MAINTENANCE_STARTED : EventKind.MAINTENANCE_ENDED).at(at)
                        .observer(NodeId.of("n1")).target(random.nextBoolean() ? TargetId.parse("n3") : target)
                        .message("maintenance").build());
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    private static Duration sum(List<TargetUptime> parts, Function<TargetUptime, Duration> figure) {
        return parts.stream().map(figure).reduce(Duration.ZERO, Duration::plus);
    }
}
