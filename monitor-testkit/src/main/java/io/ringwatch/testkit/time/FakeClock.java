package io.ringwatch.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A {@link Clock} that moves only when told: by {@link #advance(Duration)}, by
 * {@link #set(Instant)}, or by a {@link VirtualTimeScheduler} that shows each task its due time.
 * It never goes back.
 *
 * <p>Start tests at an awkward instant ({@link #awkward()} or {@link #random(long)}), not at the
 * epoch: code that only works from zero, or only after 1970, then fails at once.
 *
 * <p>The zone is UTC unless {@link #withZone(ZoneId)} gives a copy in another zone; copies share
 * this clock's time, so moving one moves them all. A clock counts nanoseconds from its start in
 * a long, so it can move about 292 years past its start; going further is an
 * {@link IllegalArgumentException}.
 *
 * <p>Thread-safe: any thread may read it, and moves are atomic.
 */
public final class FakeClock extends Clock {

    /**
     * Where {@link #awkward()} starts: 1969-12-31T23:59:59.876543211Z, 123,456,789 ns before the
     * Unix epoch. Epoch seconds and milliseconds are negative ({@code millis()} is -124, rounded
     * down) and turn positive after a short advance; the nanoseconds are neither whole
     * milliseconds nor whole microseconds.
     */
    public static final Instant AWKWARD_START = Instant.ofEpochSecond(-1, 876_543_211);

    private static final long RANDOM_FIRST_SECOND = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    private static final long RANDOM_END_SECOND = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();

    private final TimeSource source;
    private final ZoneId zone;

    private FakeClock(TimeSource source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    /**
     * A clock in UTC that shows {@code start} until moved.
     *
     * @param start the instant to show; keep it some way from {@link Instant#MIN} and
     *     {@link Instant#MAX}, since the code under test adds durations to what it reads
     * @return a new clock with its own time
     * @throws NullPointerException if {@code start} is null
     */
    public static FakeClock at(Instant start) {
        return new FakeClock(new TimeSource(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * A clock in UTC that starts at {@link #AWKWARD_START}, 1969-12-31T23:59:59.876543211Z: before
     * the Unix epoch, with odd nanoseconds. The default for tests that do not care when they run.
     *
     * @return a new clock with its own time
     */
    public static FakeClock awkward() {
        return at(AWKWARD_START);
    }

    /**
     * A clock in UTC that starts at an instant drawn from {@code seed}: the same seed always gives
     * the same instant, from 1900-01-01T00:00:00Z up to (not including) 2200-01-01T00:00:00Z,
     * with random nanoseconds. Report the seed when a test fails so that the run can be repeated.
     *
     * @param seed any value; equal seeds give equal starts
     * @return a new clock with its own time
     */
    public static FakeClock random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long second = random.nextLong(RANDOM_FIRST_SECOND, RANDOM_END_SECOND);
        return at(Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)));
    }

    /**
     * Moves this clock (and its zoned copies) forward by {@code duration}; zero leaves it where
     * it is. Thread-safe and atomic.
     *
     * @param duration how far to move, zero or more
     * @throws NullPointerException if {@code duration} is null
     * @throws IllegalArgumentException if {@code duration} is negative, or would take the clock
     *     more than about 292 years past its start
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A FakeClock cannot go back: cannot advance it by " + duration);
        }
        source.moveBy(toNanos(duration), "Advancing by " + duration);
    }

    /**
     * Moves this clock (and its zoned copies) to {@code instant}, which may be the instant it
     * shows already. Thread-safe and atomic.
     *
     * @param instant where to move, not before the instant shown
     * @throws NullPointerException if {@code instant} is null
     * @throws IllegalArgumentException if {@code instant} is earlier than the clock shows (the
     *     message names both instants), or more than about 292 years past the clock's start
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant now = instant();
        if (instant.isBefore(now)) {
            throw TimeSource.backwards(now, instant);
        }
        source.moveTo(source.elapsedAt(instant)); // checks again, atomically
    }

    /** The instant this clock shows. Thread-safe. */
    @Override
    public Instant instant() {
        return source.instantAt(source.elapsed());
    }

    /**
     * Milliseconds since the Unix epoch, rounded down (negative before 1970), as
     * {@code instant().toEpochMilli()} would give. Thread-safe.
     *
     * @throws ArithmeticException if that does not fit a long (hundreds of millions of years away)
     */
    @Override
    public long millis() {
        return source.millisAt(source.elapsed());
    }

    /** This clock's zone: UTC unless made by {@link #withZone(ZoneId)}. */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A clock in {@code zone} that shares this clock's time: moving either moves both.
     *
     * @throws NullPointerException if {@code zone} is null
     */
    @Override
    public FakeClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new FakeClock(source, zone);
    }

    /** Whether {@code other} is a FakeClock sharing this clock's time, in the same zone. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FakeClock that && that.source == source && that.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(source) * 31 + zone.hashCode();
    }

    /** The instant and zone, for example {@code FakeClock[1969-12-31T23:59:59.876543211Z, Z]}. */
    @Override
    public String toString() {
        return "FakeClock[" + instant() + ", " + zone + "]";
    }

    TimeSource source() {
        return source;
    }

    /**
     * A non-negative duration in nanoseconds, or Long.MAX_VALUE if it has more: past the
     * horizon of any {@link TimeSource}.
     */
    static long toNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
