package io.ringwatch.engine.routing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One step of the escalation policy: when a DOWN is still unacknowledged some time after its
 * alert, tell someone more, on some channels (a phone, say). Steps run in the order of their
 * delays; an acknowledgement or the recovery stops the rest.
 *
 * @param after how long after the alert, if nobody acknowledged
 * @param who whom to tell
 * @param contact the contact, when {@code who} is {@link Who#CONTACT}; empty otherwise
 * @param via the channels to use, by name; empty for every channel the person has an address on
 */
public record EscalationStep(Duration after, Who who, Optional<String> contact, Set<String> via) {

    /** Whom a step tells. */
    public enum Who {
        /** Whoever the on-call schedule names at that moment. */
        ON_CALL,
        /** The person after them: see {@link OnCallSchedule#nextAt}. */
        NEXT_ON_CALL,
        /** A named contact, such as a team lead. */
        CONTACT
    }

    /**
     * @throws IllegalArgumentException if {@code after} is negative, or a contact is given for
     *         on-call steps or missing for a contact step
     * @throws NullPointerException if a value is null
     */
    public EscalationStep {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(contact, "contact");
        via = Set.copyOf(Objects.requireNonNull(via, "via"));
        if (after.isNegative()) {
            throw new IllegalArgumentException("an escalation step's delay must not be negative, was " + after);
        }
        if (contact.isPresent() != (who == Who.CONTACT)) {
            throw new IllegalArgumentException("an escalation step names a contact if, and only if, it is a contact step");
        }
    }

    /** Tells whoever is on call, {@code after} the alert. */
    public static EscalationStep onCall(Duration after, String... via) {
        return new EscalationStep(after, Who.ON_CALL, Optional.empty(), Set.of(via));
    }

    /** Tells the next person of the rotation, {@code after} the alert. */
    public static EscalationStep nextOnCall(Duration after, String... via) {
        return new EscalationStep(after, Who.NEXT_ON_CALL, Optional.empty(), Set.of(via));
    }

    /** Tells one contact, {@code after} the alert. */
    public static EscalationStep contact(Duration after, String contact, String... via) {
        return new EscalationStep(after, Who.CONTACT, Optional.of(contact), Set.of(via));
    }

    /** {@code on-call after PT10M via [phone]}. */
    @Override
    public String toString() {
        String whom = switch (who) {
            case ON_CALL -> "on-call";
            case NEXT_ON_CALL -> "next-on-call";
            case CONTACT -> contact.orElseThrow();
        };
        return whom + " after " + after + (via.isEmpty() ? "" : " via " + via);
    }
}
