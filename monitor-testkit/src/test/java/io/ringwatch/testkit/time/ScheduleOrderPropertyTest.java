package io.ringwatch.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.engine.schedule.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever tasks are scheduled and cancelled, they run in (due time, scheduling order), each
 * seeing its own due time, and cancelled ones never run; how time is advanced does not matter.
 */
class ScheduleOrderPropertyTest {

    sealed interface Operation permits Once, Every, Cancel {
    }

    /** Schedules a task {@code delay} ms from now. */
    record Once(int delay) implements Operation {
    }

    /** Schedules a periodic task, first {@code delay} ms from now, then every {@code period} ms. */
    record Every(int delay, int period) implements Operation {
    }

    /** Cancels one of the tasks scheduled so far, chosen by {@code pick}. */
    record Cancel(int pick) implements Operation {
    }

    /** One expected or actual run: which scheduling operation, at how many ms from the start. */
    record Run(int task, long at) {
    }

    @Property(edgeCases = EdgeCasesMode.MIXIN)
    void runsTasksInDueTimeThenSchedulingOrderAndNeverRunsCancelledOnes(
            @ForAll("operations") List<Operation> operations,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(max = 40) Integer> advances,
            @ForAll long seed) {
        FakeClock clock = FakeClock.random(seed);
        Instant start = clock.instant();
        VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
        List<Run> actual = new ArrayList<>();
        List<Cancellable> handles = new ArrayList<>();
        Set<Integer> cancelled = new HashSet<>();

        for (Operation operation : operations) {
            int task = handles.size();
            Runnable record = () -> actual.add(new Run(task, Duration.between(start, clock.instant()).toNanos()));
            if (operation instanceof Once once) {
                handles.add(scheduler.schedule(millis(once.delay()), record));
            } else if (operation instanceof Every every) {
                handles.add(scheduler.scheduleAtFixedRate(millis(every.delay()), millis(every.period()), record));
            } else if (operation instanceof Cancel cancel && !handles.isEmpty()) {
                int victim = cancel.pick() % handles.size();
                assertThat(handles.get(victim).cancel()).as("cancel %d", victim).isEqualTo(cancelled.add(victim));
            }
        }
        assertThat(scheduler.pendingCount()).isEqualTo(handles.size() - cancelled.size());

        for (int advance : advances) {
            scheduler.advance(millis(advance));
        }

        long end = millis(advances.stream().mapToInt(Integer::intValue).sum()).toNanos();
        assertThat(actual).containsExactlyElementsOf(expectedRuns(operations, cancelled, end));
    }

    private static List<Run> expectedRuns(List<Operation> operations, Set<Integer> cancelled, long end) {
        List<Run> expected = new ArrayList<>();
        int task = 0;
        for (Operation operation : operations) {
            if (operation instanceof Cancel) {
                continue;
            }
            if (!cancelled.contains(task)) {
                if (operation instanceof Once once) {
                    addIfDue(expected, task, millis(once.delay()).toNanos(), end);
                } else if (operation instanceof Every every) {
                    for (long at = millis(every.delay()).toNanos(); at <= end; at += millis(every.period()).toNanos()) {
                        expected.add(new Run(task, at));
                    }
                }
            }
            task++;
        }
        expected.sort(Comparator.comparingLong(Run::at).thenComparingInt(Run::task));
        return expected;
    }

    private static void addIfDue(List<Run> runs, int task, long at, long end) {
        if (at <= end) {
            runs.add(new Run(task, at));
        }
    }

    private static Duration millis(int millis) {
        return Duration.ofMillis(millis);
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> once = Arbitraries.integers().between(0, 20).map(Once::new);
        Arbitrary<Operation> every = Combinators.combine(
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(1, 15)).as(Every::new);
        Arbitrary<Operation> cancel = Arbitraries.integers().between(0, 999).map(Cancel::new);
        return Arbitraries.frequencyOf(Tuple.of(5, once), Tuple.of(2, every), Tuple.of(3, cancel))
                .list().ofMaxSize(60);
    }
}
