package io.ringwatch.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FakeClockTest {
    private static final Instant ODD = Instant.parse("2031-07-04T13:14:15.123456789Z");

    @Test
    void showsTheInstantItStartedAtUntilMoved() {
        FakeClock clock = FakeClock.at(ODD);

        assertThat(clock.instant()).isEqualTo(ODD).isEqualTo(clock.instant());
        assertThat(clock.millis()).isEqualTo(ODD.toEpochMilli());
    }

    @Test
    void awkwardClockStartsJustBeforeTheEpochWithOddNanoseconds() {
        FakeClock clock = FakeClock.awkward();

        assertThat(clock.instant()).isEqualTo(Instant.parse("1969-12-31T23:59:59.876543211Z"))
                .isEqualTo(FakeClock.AWKWARD_START);
        assertThat(clock.millis()).isEqualTo(-124);
    }

    @Test
    void crossesTheEpochExactly() {
        FakeClock clock = FakeClock.awkward();

        clock.advance(Duration.ofNanos(123_456_788));
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.minusNanos(1));
        assertThat(clock.millis()).isEqualTo(-1);

        clock.advance(Duration.ofNanos(1));
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
        assertThat(clock.millis()).isZero();
    }

    @Test
    void randomClockStartsAtTheSameInstantForTheSameSeed() {
        assertThat(FakeClock.random(42).instant()).isEqualTo(FakeClock.random(42).instant());

        Set<Instant> starts = new HashSet<>();
        LongStream.range(0, 100).forEach(seed -> starts.add(FakeClock.random(seed).instant()));
        assertThat(starts).hasSize(100);
    }

    @Property
    void randomClockStartsBetween1900And2200(@ForAll long seed) {
        assertThat(FakeClock.random(seed).instant())
                .isAfterOrEqualTo(Instant.parse("1900-01-01T00:00:00Z"))
                .isBefore(Instant.parse("2200-01-01T00:00:00Z"));
    }

    @Property
    void agreesWithInstantOnMillisBeforeAndAfterTheEpoch(@ForAll long seed,
            @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long nanos) {
        FakeClock clock = FakeClock.random(seed);
        Instant expected = clock.instant().plusNanos(nanos);

        clock.advance(Duration.ofNanos(nanos));

        assertThat(clock.instant()).isEqualTo(expected);
        assertThat(clock.millis()).isEqualTo(expected.toEpochMilli());
    }

    @Test
    void refusesToAdvanceByANegativeDuration() {
        FakeClock clock = FakeClock.awkward();

        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-0.000000001S");
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START);
    }

    @Test
    void refusesToBeSetBackNamingBothInstants() {
        FakeClock clock = FakeClock.at(ODD);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> clock.set(ODD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2031-07-04T13:14:16.123456789Z")
                .hasMessageContaining("2031-07-04T13:14:15.123456789Z");
        assertThatThrownBy(() -> clock.set(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1970-01-01T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(ODD.plusSeconds(1));
    }

    @Test
    void canBeSetToTheInstantItShowsOrLater() {
        FakeClock clock = FakeClock.at(ODD);

        clock.set(ODD);
        assertThat(clock.instant()).isEqualTo(ODD);

        clock.set(ODD.plus(Duration.ofDays(400)).plusNanos(3));
        assertThat(clock.instant()).isEqualTo(ODD.plus(Duration.ofDays(400)).plusNanos(3));
    }

    @Test
    void refusesToMoveFurtherThanItCanCount() {
        FakeClock clock = FakeClock.awkward();

        assertThatThrownBy(() -> clock.advance(Duration.ofDays(365L * 300)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("292 years");
        assertThatThrownBy(() -> clock.set(Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("292 years");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START);
    }

    @Test
    void canGoAllTheWayToTheLastInstantButNoFurther() {
        FakeClock clock = FakeClock.at(Instant.MAX.minusSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(Instant.MAX);
        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isInUtcUnlessGivenAnotherZone() {
        assertThat(FakeClock.awkward().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(FakeClock.awkward().withZone(ZoneId.of("Asia/Kathmandu")).getZone())
                .isEqualTo(ZoneId.of("Asia/Kathmandu"));
    }

    @Test
    void sharesItsTimeWithItsCopiesInOtherZones() {
        FakeClock utc = FakeClock.at(ODD);
        FakeClock kathmandu = utc.withZone(ZoneId.of("Asia/Kathmandu"));

        kathmandu.advance(Duration.ofMinutes(1));
        assertThat(utc.instant()).isEqualTo(ODD.plusSeconds(60));

        utc.advance(Duration.ofMinutes(1));
        assertThat(kathmandu.instant()).isEqualTo(ODD.plusSeconds(120));
        assertThat(ZonedDateTime.now(kathmandu)).hasToString("2031-07-04T19:01:15.123456789+05:45[Asia/Kathmandu]");
    }

    @Test
    void equalsOnlyAClockSharingItsTimeInTheSameZone() {
        FakeClock clock = FakeClock.at(ODD);

        assertThat(clock).isEqualTo(clock.withZone(ZoneOffset.UTC))
                .isNotEqualTo(FakeClock.at(ODD))
                .isNotEqualTo(clock.withZone(ZoneOffset.ofHours(1)));
        assertThat(clock.withZone(ZoneOffset.ofHours(1))).isEqualTo(clock.withZone(ZoneOffset.ofHours(1)))
                .hasSameHashCodeAs(clock.withZone(ZoneOffset.ofHours(1)));
    }

    @Test
    void showsItsInstantAndZone() {
        assertThat(FakeClock.awkward()).hasToString("FakeClock[1969-12-31T23:59:59.876543211Z, Z]");
    }

    @Test
    void readsForwardOnlyFromAnotherThreadWhileItMoves() throws InterruptedException {
        FakeClock clock = FakeClock.awkward();
        AtomicReference<Throwable> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            Instant previous = clock.instant();
            for (int i = 0; i < 100_000; i++) {
                Instant now = clock.instant();
                if (now.isBefore(previous) || clock.millis() < now.toEpochMilli()) {
                    problem.set(new AssertionError("went back to " + now + " after " + previous));
                    return;
                }
                previous = now;
            }
        }, "clock-reader");

        reader.start();
        for (int i = 0; i < 100_000; i++) {
            clock.advance(Duration.ofNanos(7_654_321));
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(reader.isAlive()).as("reader finished").isFalse();
        assertThat(problem.get()).isNull();
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START.plusNanos(765_432_100_000L));
    }
}
