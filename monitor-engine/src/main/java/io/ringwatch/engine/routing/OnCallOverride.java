package io.ringwatch.engine.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone on call instead of the weekly schedule, from one instant until another.
 *
 * @param from when it starts
 * @param until when it ends, after {@code from}
 * @param contact who is on call meanwhile
 */
public record OnCallOverride(Instant from, Instant until, String contact) {
    /**
     * @throws IllegalArgumentException if {@code until} is not after {@code from}
     * @throws NullPointerException if a value is null
     */
    public OnCallOverride {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(contact, "contact");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("on-call override for " + contact + ": until (" + until
                    + ") must be after from (" + from + ")");
        }
    }

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
