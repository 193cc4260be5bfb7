package io.ringwatch.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Virtual time behaves the same wherever the clock starts: before the epoch, on odd nanoseconds, far away. */
class AwkwardStartTest {
    private static final long[] DELAYS_NANOS = {0, 1, 123_456_789, 999_999_999, 1_000_000_001, 86_400_000_000_007L};

    static Stream<Arguments> clocks() {
        return Stream.of(
                Arguments.of("awkward()", FakeClock.awkward()),
                Arguments.of("random(42)", FakeClock.random(42)),
                Arguments.of("random(-7)", FakeClock.random(-7)),
                Arguments.of("random(Long.MAX_VALUE)", FakeClock.random(Long.MAX_VALUE)),
                Arguments.of("a nanosecond before the epoch", FakeClock.at(Instant.EPOCH.minusNanos(1))),
                Arguments.of("a whole second before the epoch", FakeClock.at(Instant.ofEpochSecond(-1))),
                Arguments.of("just after 1900 began", FakeClock.at(Instant.parse("1900-01-01T00:00:00.000000001Z"))),
                Arguments.of("the last nanosecond of 32-bit Unix time",
                        FakeClock.at(Instant.parse("2038-01-19T03:14:07.999999999Z"))),
                Arguments.of("just before a leap day", FakeClock.at(Instant.parse("2096-02-28T23:59:59.999999999Z"))),
                Arguments.of("just before 2200", FakeClock.at(Instant.parse("2199-12-31T23:59:59.999999999Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clocks")
    void showsEachTaskItsDueTimeWhereverTheClockStarts(String name, FakeClock clock) {
        assertEachTaskSeesItsDueTime(clock);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clocks")
    void runsPeriodicTasksWithoutDriftWhereverTheClockStarts(String name, FakeClock clock) {
        assertPeriodicRunsDoNotDrift(clock);
    }

    @Property(tries = 200)
    void showsEachTaskItsDueTimeFromARandomStart(@ForAll long seed) {
        assertEachTaskSeesItsDueTime(FakeClock.random(seed));
    }

    @Property(tries = 200)
    void runsPeriodicTasksWithoutDriftFromARandomStart(@ForAll long seed) {
        assertPeriodicRunsDoNotDrift(FakeClock.random(seed));
    }

    private static void assertEachTaskSeesItsDueTime(FakeClock clock) {
        VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
        Instant start = clock.instant();
        List<Instant> seen = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        List<Instant> expected = new ArrayList<>();
        for (long delay : DELAYS_NANOS) {
            scheduler.schedule(Duration.ofNanos(delay), () -> {
                seen.add(clock.instant());
                millis.add(clock.millis());
            });
            expected.add(start.plusNanos(delay));
        }
        assertThat(scheduler.nextDueTime()).contains(start);

        scheduler.advance(Duration.ofDays(2));

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(millis).containsExactlyElementsOf(expected.stream().map(Instant::toEpochMilli).toList());
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofDays(2)));
    }

    private static void assertPeriodicRunsDoNotDrift(FakeClock clock) {
        VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
        Duration period = Duration.ofNanos(333_333_333);
        Instant first = clock.instant().plusNanos(7);
        List<Instant> seen = new ArrayList<>();
        scheduler.scheduleAtFixedRate(Duration.ofNanos(7), period, () -> seen.add(clock.instant()));

        for (int i = 0; i < 10; i++) {
            scheduler.advance(Duration.ofMillis(3_333));
        }

        assertThat(seen).hasSize(100);
        for (int n = 0; n < seen.size(); n++) {
            assertThat(seen.get(n)).as("run %d", n).isEqualTo(first.plus(period.multipliedBy(n)));
        }
    }
}
