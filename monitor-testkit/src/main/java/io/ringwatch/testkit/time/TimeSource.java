package io.ringwatch.testkit.time;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time a {@link FakeClock} and its zoned copies share: an origin instant plus the
 * nanoseconds elapsed since, in one atomic long, so that the scheduler can move the clock to a
 * task's due time without allocating and any thread can read it. Thread-safe; never goes back.
 *
 * <p>Counting in a long limits how far the clock can move: about 292 years past its origin (or up
 * to {@link Instant#MAX}, whichever comes first), which {@link #horizon()} gives exactly.
 */
final class TimeSource {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Instant origin;
    private final long originSecond;
    private final int originNano;
    private final long horizon;
    private final AtomicLong elapsed = new AtomicLong();

    TimeSource(Instant origin) {
        this.origin = origin;
        this.originSecond = origin.getEpochSecond();
        this.originNano = origin.getNano();
        // One short of Long.MAX_VALUE, which stands for "longer than a long can count".
        this.horizon = Math.min(nanosBetween(origin, Instant.MAX), Long.MAX_VALUE - 1);
    }

    /** Nanoseconds elapsed since the origin; the current time. */
    long elapsed() {
        return elapsed.get();
    }

    /** The most nanoseconds this source can count past its origin. */
    long horizon() {
        return horizon;
    }

    Instant origin() {
        return origin;
    }

    /** The instant {@code elapsedNanos} (zero up to the horizon) past the origin. */
    Instant instantAt(long elapsedNanos) {
        long nanos = originNano + elapsedNanos % NANOS_PER_SECOND; // below 2 s: no overflow
        long seconds = originSecond + elapsedNanos / NANOS_PER_SECOND + nanos / NANOS_PER_SECOND;
        return Instant.ofEpochSecond(seconds, nanos % NANOS_PER_SECOND);
    }

    /**
     * Milliseconds since the Unix epoch at {@code elapsedNanos}, rounded down like
     * {@link Instant#toEpochMilli()}, without creating an {@code Instant} in the usual case.
     *
     * @throws ArithmeticException where {@code Instant.toEpochMilli()} would
     */
    long millisAt(long elapsedNanos) {
        long nanos = originNano + elapsedNanos % NANOS_PER_SECOND;
        long seconds = originSecond + elapsedNanos / NANOS_PER_SECOND + nanos / NANOS_PER_SECOND;
        try {
            return Math.addExact(Math.multiplyExact(seconds, 1000L), (nanos % NANOS_PER_SECOND) / NANOS_PER_MILLI);
        } catch (ArithmeticException nearTheEndsOfTime) {
            return instantAt(elapsedNanos).toEpochMilli();
        }
    }

    /**
     * The elapsed count at {@code instant}, which must not be before the origin.
     *
     * @throws IllegalArgumentException if {@code instant} lies past the {@linkplain #horizon() horizon}
     */
    long elapsedAt(Instant instant) {
        long nanos = nanosBetween(origin, instant);
        if (nanos > horizon) {
            throw beyondHorizon("The instant " + instant);
        }
        return nanos;
    }

    /**
     * {@code from + nanos}, or -1 if that lies past the horizon. Both are zero or more;
     * {@code nanos} may be Long.MAX_VALUE, which is always too far.
     */
    long plus(long from, long nanos) {
        return nanos > horizon - from ? -1 : from + nanos; // from <= horizon: no overflow
    }

    /**
     * Moves to {@code target} nanoseconds past the origin.
     *
     * @throws IllegalArgumentException if that is earlier than now
     */
    void moveTo(long target) {
        for (long current = elapsed.get(); ; current = elapsed.get()) {
            if (target < current) {
                throw backwards(instantAt(current), instantAt(target));
            }
            if (elapsed.compareAndSet(current, target)) {
                return;
            }
        }
    }

    /**
     * Moves on by {@code nanos}, zero or more.
     *
     * @throws IllegalArgumentException if that goes past the horizon; {@code what} names the move
     */
    void moveBy(long nanos, String what) {
        for (long current = elapsed.get(); ; current = elapsed.get()) {
            long target = plus(current, nanos);
            if (target < 0) {
                throw beyondHorizon(what + " from " + instantAt(current));
            }
            if (elapsed.compareAndSet(current, target)) {
                return;
            }
        }
    }

    /** Moves to {@code target} unless already there or later: the scheduler's hot path. */
    void moveForwardTo(long target) {
        for (long current = elapsed.get(); current < target; current = elapsed.get()) {
            if (elapsed.compareAndSet(current, target)) {
                return;
            }
        }
    }

    static IllegalArgumentException backwards(Instant now, Instant target) {
        return new IllegalArgumentException("A FakeClock cannot go back: it is at " + now
                + ", and was asked to move to " + target);
    }

    /** An exception saying that {@code what} goes past the horizon. */
    IllegalArgumentException beyondHorizon(String what) {
        return new IllegalArgumentException(what + " goes past " + instantAt(horizon)
                + ", the furthest a FakeClock started at " + origin
                + " can go (it counts nanoseconds from its start in a long, about 292 years)");
    }

    /** Nanoseconds from {@code from} to {@code to}, saturated at the ends of a long. */
    private static long nanosBetween(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond(); // the Instant range fits a long
        long nanos = to.getNano() - from.getNano();
        try {
            return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
        } catch (ArithmeticException tooFar) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
