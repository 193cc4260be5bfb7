package io.ringwatch.engine.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is told what: contacts with their addresses on channels, their subscriptions and mutes,
 * the on-call schedule and the escalation policy. Without contacts ({@link #none()}) every
 * channel gets every notification.
 *
 * <p>With contacts, a notification goes to
 * <ul>
 *   <li>every channel on which no contact has an address (a team room, a webhook, an incident
 *       tool): such a channel is a broadcast channel and gets everything;</li>
 *   <li>each subscriber whose subscription covers the target from its minimum severity up and
 *       who has not muted it, at their address on the subscription's channels;</li>
 *   <li>for an escalation, the step's person (whoever is on call, the next one, or a named
 *       contact) on the step's channels; a recovery or acknowledgement also reaches everyone an
 *       escalation of the incident reached;</li>
 *   <li>and a DOWN alert that would reach nobody goes to whoever is on call: someone always hears
 *       of an outage.</li>
 * </ul>
 *
 * <p>Subscriptions, mutes and on-call overrides can change while the engine runs; everything else
 * is fixed when it is built. Thread-safe.
 */
public final class Routing {
    private final Map<String, Contact> contacts;
    private final List<EscalationStep> escalation;
    private final Object lock = new Object();
    private final List<Subscription> subscriptions;
    private final List<Mute> mutes;
    private OnCallSchedule onCall;

    private Routing(Builder builder) {
        contacts = Map.copyOf(builder.contacts);
        escalation = builder.escalation.stream().sorted(Comparator.comparing(EscalationStep::after)).toList();
        subscriptions = new ArrayList<>(builder.subscriptions);
        mutes = new ArrayList<>(builder.mutes);
        onCall = builder.onCall;
    }

    /** No contacts: every channel gets every notification. */
    public static Routing none() {
        return builder().build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A routing of its own with the same contacts, schedule and policy, and the subscriptions,
     * mutes and overrides this one has now: for another engine in the same process.
     */
    public Routing copy() {
        Builder builder = builder();
        contacts.values().forEach(builder::contact);
        escalation.forEach(builder::escalate);
        synchronized (lock) {
            subscriptions.forEach(builder::subscribe);
            mutes.forEach(builder::mute);
            if (onCall != null) {
                builder.onCall(onCall);
            }
        }
        return builder.build();
    }

    /** Whether there are no contacts, so every channel gets everything. */
    public boolean isEmpty() {
        return contacts.isEmpty();
    }

    /** The contact of this name. */
    public Optional<Contact> contact(String name) {
        return Optional.ofNullable(contacts.get(name));
    }

    /** The contacts, by name. */
    public Map<String, Contact> contacts() {
        return contacts;
    }

    /** The subscriptions now, in the order they were made; a copy. */
    public List<Subscription> subscriptions() {
        synchronized (lock) {
            return List.copyOf(subscriptions);
        }
    }

    /** The mutes that still hold at {@code now}; a copy. */
    public List<Mute> mutes(Instant now) {
        synchronized (lock) {
            mutes.removeIf(mute -> !mute.isActiveAt(now));
            return List.copyOf(mutes);
        }
    }

    /** The escalation policy's steps, in the order of their delays; empty if none is set. */
    public List<EscalationStep> escalation() {
        return escalation;
    }

    /** The on-call schedule, with the overrides added since the start. */
    public Optional<OnCallSchedule> onCallSchedule() {
        synchronized (lock) {
            return Optional.ofNullable(onCall);
        }
    }

    /** Who is on call at {@code at}; empty without a schedule. */
    public Optional<String> onCallAt(Instant at) {
        return onCallSchedule().flatMap(schedule -> schedule.onCallAt(at));
    }

    /**
     * The delays after an alert at which it escalates while unacknowledged: the policy's, or
     * {@code otherwise} alone if there is no policy.
     */
    public List<Duration> escalationDelays(Duration otherwise) {
        return escalation.isEmpty() ? List.of(otherwise) : escalation.stream().map(EscalationStep::after).toList();
    }

    /**
     * Adds a subscription.
     *
     * @throws IllegalArgumentException if the contact is unknown
     */
    public void subscribe(Subscription subscription) {
        known(subscription.contact());
        synchronized (lock) {
            subscriptions.add(subscription);
        }
    }

    /**
     * Removes the contact's subscriptions to exactly these targets.
     *
     * @return whether there was any
     */
    public boolean unsubscribe(String contact, TargetPattern targets) {
        synchronized (lock) {
            return subscriptions.removeIf(s -> s.contact().equals(contact) && s.targets().equals(targets));
        }
    }

    /**
     * Adds a mute.
     *
     * @throws IllegalArgumentException if the contact is unknown
     */
    public void mute(Mute mute) {
        known(mute.contact());
        synchronized (lock) {
            mutes.add(mute);
        }
    }

    /**
     * Ends the contact's mutes of exactly these targets now.
     *
     * @return whether there was any
     */
    public boolean unmute(String contact, TargetPattern targets) {
        synchronized (lock) {
            return mutes.removeIf(mute -> mute.contact().equals(contact) && mute.targets().equals(targets));
        }
    }

    /**
     * Ends the mutes made with a reason that cover {@code target}: a mute for a reason ("deploying
     * 2.4.1") is about the trouble at hand, so it ends when the target recovers.
     *
     * @return the mutes ended
     */
    public List<Mute> endMutesWithAReason(io.ringwatch.api.TargetId target) {
        synchronized (lock) {
            List<Mute> ended = mutes.stream().filter(mute -> !mute.reason().isBlank() && mute.targets().matches(target))
                    .toList();
            mutes.removeAll(ended);
            return ended;
        }
    }

    /**
     * Puts someone on call instead of the schedule for a while.
     *
     * @throws IllegalArgumentException if the contact is unknown
     * @throws IllegalStateException if there is no on-call schedule
     */
    public void override(OnCallOverride override) {
        known(override.contact());
        synchronized (lock) {
            if (onCall == null) {
                throw new IllegalStateException("there is no on-call schedule to override");
            }
            onCall = onCall.withOverride(override);
        }
    }

    /** Whether {@code contact} has muted {@code target}'s notifications at {@code now}. */
    boolean muted(String contact, io.ringwatch.api.TargetId target, Instant now) {
        return mutes(now).stream().anyMatch(mute -> mute.contact().equals(contact) && mute.targets().matches(target));
    }

    /** @throws IllegalArgumentException if there is no such contact */
    void known(String contact) {
        if (!contacts.containsKey(contact)) {
            throw new IllegalArgumentException("no contact '" + contact + "' (contacts: " + String.join(", ",
                    contacts.keySet().stream().sorted().toList()) + ")");
        }
    }

    @Override
    public String toString() {
        return "Routing[" + contacts.size() + " contact(s), " + subscriptions().size() + " subscription(s), "
                + escalation.size() + " escalation step(s)" + (onCallSchedule().isPresent() ? ", on-call schedule" : "")
                + "]";
    }

    /** Collects contacts, subscriptions, mutes, the schedule and the policy. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Contact> contacts = new LinkedHashMap<>();
        private final List<Subscription> subscriptions = new ArrayList<>();
        private final List<Mute> mutes = new ArrayList<>();
        private final List<EscalationStep> escalation = new ArrayList<>();
        private OnCallSchedule onCall;

        private Builder() {
        }

        /**
         * Adds a contact.
         *
         * @throws IllegalArgumentException if a contact of that name was added already
         */
        public Builder contact(Contact contact) {
            if (contacts.putIfAbsent(contact.name(), contact) != null) {
                throw new IllegalArgumentException("contact '" + contact.name() + "' is given twice");
            }
            return this;
        }

        /** Adds a subscription of a contact given before or after. */
        public Builder subscribe(Subscription subscription) {
            subscriptions.add(Objects.requireNonNull(subscription, "subscription"));
            return this;
        }

        /** Adds a mute of a contact given before or after. */
        public Builder mute(Mute mute) {
            mutes.add(Objects.requireNonNull(mute, "mute"));
            return this;
        }

        /** Sets who is on call when. */
        public Builder onCall(OnCallSchedule schedule) {
            onCall = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** Adds a step to the escalation policy. */
        public Builder escalate(EscalationStep step) {
            escalation.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * @throws IllegalArgumentException if a subscription, mute, shift, override or step names
         *         an unknown contact, or two steps have the same delay
         */
        public Routing build() {
            List<String> named = new ArrayList<>();
            subscriptions.forEach(s -> named.add(s.contact()));
            mutes.forEach(m -> named.add(m.contact()));
            if (onCall != null) {
                named.addAll(onCall.people());
            }
            escalation.forEach(step -> step.contact().ifPresent(named::add));
            for (String name : named) {
                if (!contacts.containsKey(name)) {
                    throw new IllegalArgumentException("no contact '" + name + "' (contacts: "
                            + String.join(", ", contacts.keySet()) + ")");
                }
            }
            if (escalation.stream().map(EscalationStep::after).distinct().count() < escalation.size()) {
                throw new IllegalArgumentException("two escalation steps have the same delay");
            }
            if (!escalation.isEmpty() && contacts.isEmpty()) {
                throw new IllegalArgumentException("an escalation policy needs contacts to escalate to");
            }
            boolean needsSchedule = escalation.stream().anyMatch(step -> step.who() != EscalationStep.Who.CONTACT);
            if (needsSchedule && onCall == null) {
                throw new IllegalArgumentException("the escalation policy calls whoever is on call, but there is no on-call schedule");
            }
            return new Routing(this);
        }
    }
}
