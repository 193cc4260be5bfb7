package io.ringwatch.engine.routing;

import io.ringwatch.api.OneLine;
import io.ringwatch.api.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change people make to the routing while the farm runs: a subscription made or ended, a
 * mute set or lifted, someone put on call. The engine applies it, writes it into its event log
 * (so a restart keeps it) and tells the other nodes. Immutable.
 */
public sealed interface RoutingChange {

    /** Who made the change: a contact's name, or an operator's. */
    String by();

    /** One line for the log: {@code bob muted n3 until 2026-12-07T12:00:00Z: deploying}. */
    String describe();

    /**
     * Applies the change.
     *
     * @return whether it changed anything
     * @throws IllegalArgumentException if it names a contact the routing does not know
     * @throws IllegalStateException for an override without an on-call schedule
     */
    boolean applyTo(Routing routing);

    /** The change as flat text values, for the event log and the wire; read back with {@link #read}. */
    Map<String, String> attributes();

    /** {@code contact} subscribes to the subscription's targets. */
    record Subscribe(Subscription subscription, String by) implements RoutingChange {
        /** @throws NullPointerException if a value is null */
        public Subscribe {
            Objects.requireNonNull(subscription, "subscription");
            by = who(by);
        }

        @Override
        public String describe() {
            Subscription s = subscription;
            return s.contact() + " subscribed to " + s.targets() + " from " + s.minimum().name().toLowerCase(Locale.ROOT)
                    + (s.via().isEmpty() ? "" : " via " + String.join(", ", new TreeSet<>(s.via()))) + byOther(s.contact(), by);
        }

        @Override
        public boolean applyTo(Routing routing) {
            routing.subscribe(subscription);
            return true;
        }

        @Override
        public Map<String, String> attributes() {
            Map<String, String> values = base("subscribe", subscription.contact(), subscription.targets(), by);
            values.put("min-severity", subscription.minimum().name());
            values.put("via", String.join(",", new TreeSet<>(subscription.via())));
            return values;
        }
    }

    /** {@code contact} no longer follows exactly {@code targets}. */
    record Unsubscribe(String contact, TargetPattern targets, String by) implements RoutingChange {
        /** @throws NullPointerException if a value is null */
        public Unsubscribe {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(targets, "targets");
            by = who(by);
        }

        @Override
        public String describe() {
            return contact + " unsubscribed from " + targets + byOther(contact, by);
        }

        @Override
        public boolean applyTo(Routing routing) {
            routing.known(contact);
            return routing.unsubscribe(contact, targets);
        }

        @Override
        public Map<String, String> attributes() {
            return base("unsubscribe", contact, targets, by);
        }
    }

    /** {@code contact} mutes targets for a while. */
    record MuteTargets(Mute mute, String by) implements RoutingChange {
        /** @throws NullPointerException if a value is null */
        public MuteTargets {
            Objects.requireNonNull(mute, "mute");
            by = who(by);
        }

        @Override
        public String describe() {
            return mute.contact() + " muted " + mute.targets() + " until " + mute.until()
                    + (mute.reason().isEmpty() ? "" : ": " + mute.reason()) + byOther(mute.contact(), by);
        }

        @Override
        public boolean applyTo(Routing routing) {
            routing.mute(mute);
            return true;
        }

        @Override
        public Map<String, String> attributes() {
            Map<String, String> values = base("mute", mute.contact(), mute.targets(), by);
            values.put("until", mute.until().toString());
            values.put("reason", mute.reason());
            return values;
        }
    }

    /** {@code contact}'s mutes of exactly {@code targets} end now. */
    record Unmute(String contact, TargetPattern targets, String by) implements RoutingChange {
        /** @throws NullPointerException if a value is null */
        public Unmute {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(targets, "targets");
            by = who(by);
        }

        @Override
        public String describe() {
            return contact + " unmuted " + targets + byOther(contact, by);
        }

        @Override
        public boolean applyTo(Routing routing) {
            routing.known(contact);
            return routing.unmute(contact, targets);
        }

        @Override
        public Map<String, String> attributes() {
            return base("unmute", contact, targets, by);
        }
    }

    /** Someone is on call instead of the schedule for a while. */
    record OverrideOnCall(OnCallOverride override, String by) implements RoutingChange {
        /** @throws NullPointerException if a value is null */
        public OverrideOnCall {
            Objects.requireNonNull(override, "override");
            by = who(by);
        }

        @Override
        public String describe() {
            return override.contact() + " is on call from " + override.from() + " until " + override.until()
                    + byOther(override.contact(), by);
        }

        @Override
        public boolean applyTo(Routing routing) {
            routing.override(override);
            return true;
        }

        @Override
        public Map<String, String> attributes() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("change", "override");
            values.put("contact", override.contact());
            values.put("from", override.from().toString());
            values.put("until", override.until().toString());
            values.put("by", by);
            return values;
        }
    }

    /**
     * Reads a change back from its {@link #attributes()}.
     *
     * @return empty if the values do not make a change (an unknown kind, a missing or malformed value)
     */
    static Optional<RoutingChange> read(Map<String, String> values) {
        try {
            String contact = values.get("contact");
            String by = values.getOrDefault("by", "");
            switch (String.valueOf(values.get("change"))) {
                case "subscribe":
                    String via = values.getOrDefault("via", "");
                    return Optional.of(new Subscribe(new Subscription(contact, TargetPattern.of(values.get("targets")),
                            Severity.valueOf(values.get("min-severity")),
                            via.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(via.split(",")))), by));
                case "unsubscribe":
                    return Optional.of(new Unsubscribe(contact, TargetPattern.of(values.get("targets")), by));
                case "mute":
                    return Optional.of(new MuteTargets(new Mute(contact, TargetPattern.of(values.get("targets")),
                            Instant.parse(values.get("until")), values.getOrDefault("reason", "")), by));
                case "unmute":
                    return Optional.of(new Unmute(contact, TargetPattern.of(values.get("targets")), by));
                case "override":
                    return Optional.of(new OverrideOnCall(new OnCallOverride(Instant.parse(values.get("from")),
                            Instant.parse(values.get("until")), contact), by));
                default:
                    return Optional.empty();
            }
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static String who(String by) {
        return OneLine.of(Objects.requireNonNull(by, "by"), 80);
    }

    private static String byOther(String contact, String by) {
        return by.isEmpty() || by.equals(contact) ? "" : " (by " + by + ")";
    }

    private static Map<String, String> base(String change, String contact, TargetPattern targets, String by) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("change", change);
        values.put("contact", contact);
        values.put("targets", targets.toString());
        values.put("by", by);
        return values;
    }
}
