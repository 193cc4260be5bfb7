package io.ringwatch.engine.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The circuit breaker of one channel: closed while deliveries succeed; open (the channel is
 * suspended) after deliveries of a number of different notifications failed in a row (the
 * retries of one notification, and its copies to several contacts, count once, so one
 * notification the provider refuses does not suspend the channel for every other), for a while; then half open, letting one
 * delivery through as a trial: its success closes the breaker, its failure opens it again for
 * twice as long (at most ten times the first period). Thread-safe.
 */
final class ChannelBreaker {
    /** What became of a failure. */
    enum AfterFailure { STILL_CLOSED, OPENED }

    private final int failuresToOpen;
    private final Duration openFor;
    private final Set<String> failedInARow = new HashSet<>();
    private Instant openUntil;
    private Duration currentOpenFor;
    private boolean trialUnderWay;

    ChannelBreaker(int failuresToOpen, Duration openFor) {
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.currentOpenFor = openFor;
    }

    /**
     * Whether a delivery may be attempted now. While open: no. Once the open period is over, the
     * first caller gets the trial; the others wait until it is decided.
     */
    synchronized boolean allows(Instant now) {
        if (openUntil == null) {
            return true;
        }
        if (now.isBefore(openUntil) || trialUnderWay) {
            return false;
        }
        trialUnderWay = true;
        return true;
    }

    /** When a delivery that was not allowed should ask again. */
    synchronized Instant retryAt(Instant now) {
        return openUntil == null || !now.isBefore(openUntil) ? now.plus(Duration.ofSeconds(1)) : openUntil;
    }

    /** Whether the channel is suspended now. */
    synchronized boolean isOpen() {
        return openUntil != null;
    }

    /** @return whether this success closed an open breaker */
    synchronized boolean succeeded() {
        boolean wasOpen = openUntil != null;
        failedInARow.clear();
        openUntil = null;
        trialUnderWay = false;
        currentOpenFor = openFor;
        return wasOpen;
    }

    /**
     * @param notification names the notification whose delivery failed; its retries and copies count once
     * @return {@link AfterFailure#OPENED} when this failure suspended the channel, or suspended it again after a failed trial
     */
    synchronized AfterFailure failed(Instant now, String notification) {
        if (openUntil != null) { // the trial failed: open again, for longer
            trialUnderWay = false;
            Duration longer = currentOpenFor.multipliedBy(2);
            Duration cap = openFor.multipliedBy(10);
            currentOpenFor = longer.compareTo(cap) > 0 ? cap : longer;
            openUntil = now.plus(currentOpenFor);
            return AfterFailure.OPENED;
        }
        failedInARow.add(notification);
        if (failedInARow.size() >= failuresToOpen) {
            openUntil = now.plus(currentOpenFor);
            return AfterFailure.OPENED;
        }
        return AfterFailure.STILL_CLOSED;
    }

    /** How long the breaker stays open this time. */
    synchronized Duration openFor() {
        return currentOpenFor;
    }
}
