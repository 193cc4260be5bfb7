package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.routing.TargetPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events a query returns: those in a time range, recorded by some observers, about some
 * targets, of some kinds. Every condition given must hold; a condition not given holds for
 * every event. Immutable and thread-safe; build one with {@link #custom()}, or take
 * {@link #all()}.
 */
public final class EventFilter {
    private static final EventFilter ALL = custom().build();

    private final Instant since;
    private final Instant until;
    private final Set<NodeId> observers;
    private final List<TargetPattern> targets;
    private final Set<EventKind> kinds;

    private EventFilter(Builder builder) {
        since = builder.since;
        until = builder.until;
        observers = Set.copyOf(builder.observers);
        targets = List.copyOf(builder.targets);
        kinds = Set.copyOf(builder.kinds);
    }

    /** The filter every event passes. */
    public static EventFilter all() {
        return ALL;
    }

    /** A builder with no condition. */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Whether the event passes every condition: at or after {@link #since()}, before
     * {@link #until()}, recorded by one of {@link #observers()}, about a target one of
     * {@link #targets()} names (an event about no target passes no target pattern), of one of
     * {@link #kinds()}.
     *
     * @throws NullPointerException if {@code event} is null
     */
    public boolean matches(Event event) {
        Objects.requireNonNull(event, "event");
        return (since == null || !event.at().isBefore(since))
                && (until == null || event.at().isBefore(until))
                && (observers.isEmpty() || observers.contains(event.observer()))
                && (kinds.isEmpty() || kinds.contains(event.kind()))
                && (targets.isEmpty() || event.targetId().map(id -> targets.stream().anyMatch(p -> p.matches(id))).orElse(false));
    }

    /** The earliest time, inclusive; empty for no lower bound. */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    /** The time events must be before, exclusive; empty for no upper bound. */
    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    /** The observers, one of which must have recorded the event; empty for any. */
    public Set<NodeId> observers() {
        return observers;
    }

    /** The target patterns, one of which must name the event's target; empty for any event. */
    public List<TargetPattern> targets() {
        return targets;
    }

    /** The kinds, one of which the event must be; empty for any. */
    public Set<EventKind> kinds() {
        return kinds;
    }

    @Override
    public String toString() {
        return "EventFilter[since=" + since + ", until=" + until + ", observers=" + observers + ", targets=" + targets
                + ", kinds=" + kinds + "]";
    }

    /** Collects the conditions of an {@link EventFilter}. Not thread-safe. */
    public static final class Builder {
        private Instant since;
        private Instant until;
        private final Set<NodeId> observers = new LinkedHashSet<>();
        private final List<TargetPattern> targets = new ArrayList<>();
        private final Set<EventKind> kinds = new LinkedHashSet<>();

        private Builder() {
        }

        /** Only events at or after this time; {@code null} for no lower bound. */
        public Builder since(Instant since) {
            this.since = since;
            return this;
        }

        /** Only events before this time; {@code null} for no upper bound. */
        public Builder until(Instant until) {
            this.until = until;
            return this;
        }

        /**
         * Also events recorded by this observer.
         *
         * @throws NullPointerException if {@code observer} is null
         */
        public Builder observer(NodeId observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * Also events about a target this pattern names.
         *
         * @throws NullPointerException if {@code target} is null
         */
        public Builder target(TargetPattern target) {
            targets.add(Objects.requireNonNull(target, "target"));
            return this;
        }

        /**
         * Also events of these kinds.
         *
         * @throws NullPointerException if {@code kinds} or one of them is null
         */
        public Builder kinds(Collection<EventKind> kinds) {
            kinds.forEach(kind -> this.kinds.add(Objects.requireNonNull(kind, "kind")));
            return this;
        }

        /**
         * Also events of these kinds.
         *
         * @throws NullPointerException if one of them is null
         */
        public Builder kinds(EventKind... kinds) {
            return kinds(List.of(kinds));
        }

        /**
         * Builds the filter.
         *
         * @throws IllegalArgumentException if {@code until} is not after {@code since}
         */
        public EventFilter build() {
            if (since != null && until != null && !until.isAfter(since)) {
                throw new IllegalArgumentException("until (" + until + ") must be after since (" + since + ")");
            }
            return new EventFilter(this);
        }
    }
}
