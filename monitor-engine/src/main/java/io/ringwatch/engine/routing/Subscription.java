package io.ringwatch.engine.routing;

import io.ringwatch.api.Severity;
import java.util.Objects;
import java.util.Set;

/**
 * A contact wants to hear about some targets, from a severity up, on some of their channels.
 * A recovery counts with the severity of the trouble it ends, so whoever heard of a DOWN hears
 * that it is over.
 *
 * @param contact the contact's name
 * @param targets which targets
 * @param minimum the least severity that reaches the contact
 * @param via the channels to use, by name; empty for every channel the contact has an address on
 */
public record Subscription(String contact, TargetPattern targets, Severity minimum, Set<String> via) {

    /** @throws NullPointerException if a value is null */
    public Subscription {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(minimum, "minimum");
        via = Set.copyOf(Objects.requireNonNull(via, "via"));
    }

    /** A subscription to these targets from {@code minimum} up, on every channel the contact has an address on. */
    public static Subscription of(String contact, String targets, Severity minimum) {
        return new Subscription(contact, TargetPattern.of(targets), minimum, Set.of());
    }

    /** The same subscription on these channels only. */
    public Subscription via(String... channels) {
        return new Subscription(contact, targets, minimum, Set.of(channels));
    }
}
