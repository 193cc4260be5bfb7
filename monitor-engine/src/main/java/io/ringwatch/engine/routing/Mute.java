package io.ringwatch.engine.routing;

import io.ringwatch.api.OneLine;
import java.time.Instant;
import java.util.Objects;

/**
 * A contact does not want to hear about some targets until a time: their subscriptions to them
 * are silent meanwhile. Being on call is not muted: an escalation still reaches the person on
 * call (hand the shift over with an override instead).
 *
 * @param contact the contact's name
 * @param targets which targets
 * @param until when the mute ends
 * @param reason why, possibly empty: "deploying 2.4.1"
 */
public record Mute(String contact, TargetPattern targets, Instant until, String reason) {

    /** @throws NullPointerException if a value is null */
    public Mute {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(until, "until");
        reason = OneLine.of(Objects.requireNonNull(reason, "reason"), 200);
    }

    /** Whether the mute still holds at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return now.isBefore(until);
    }
}
