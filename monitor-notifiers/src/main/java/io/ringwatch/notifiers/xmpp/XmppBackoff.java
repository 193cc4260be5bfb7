package io.ringwatch.notifiers.xmpp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the receiver waits before it logs in again: from {@code first}, doubling after each
 * failure up to {@code longest}, each wait cut by a random part of up to a half (so that the
 * nodes sharing a server do not all come back at once). Not thread-safe.
 */
final class XmppBackoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(1);

    private final long firstMillis;
    private final long longestMillis;
    private long nextMillis;

    XmppBackoff() {
        this(FIRST, LONGEST);
    }

    XmppBackoff(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("expected 0 < first <= longest");
        }
        this.firstMillis = first.toMillis();
        this.longestMillis = longest.toMillis();
        this.nextMillis = firstMillis;
    }

    /** The wait before the next try, longer than the last one up to {@code longest}. */
    Duration next() {
        long wait = nextMillis - ThreadLocalRandom.current().nextLong(nextMillis / 2 + 1);
        nextMillis = Math.min(longestMillis, nextMillis * 2);
        return Duration.ofMillis(Math.max(1, wait));
    }

    /** Starts again from {@code first}: after a connection that held. */
    void reset() {
        nextMillis = firstMillis;
    }

    /** The longest wait. */
    Duration longest() {
        return Duration.ofMillis(longestMillis);
    }

    @Override
    public String toString() {
        return "XmppBackoff[" + firstMillis + " ms to " + longestMillis + " ms]";
    }
}
