package io.ringwatch.engine.routing;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link Routing} applied to the engine's channels: which deliveries one notification makes.
 * Made once when the engine is built, which checks that every address, subscription and step
 * names a channel that exists and can reach a contact. Thread-safe.
 */
public final class Router {
    private final Routing routing;
    /** Every channel, standbys too, by name. */
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    /** The channels that get notifications of their own (not standbys), by name, in order. */
    private final Map<String, Channel> primaries = new LinkedHashMap<>();
    /** Channels on which no contact has an address: they get every notification. */
    private final List<String> broadcast = new ArrayList<>();

    /**
     * A channel of the engine, as routing sees it.
     *
     * @param name the channel's name
     * @param sendsToAddresses whether it can reach a contact's own address
     * @param standby whether it only stands in for another channel
     * @param addressProblem what is wrong with an address on it, as {@link Notifier#addressProblem}
     */
    public record Channel(String name, boolean sendsToAddresses, boolean standby,
            Function<String, Optional<String>> addressProblem) {
        /** @throws NullPointerException if a value is null */
        public Channel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(addressProblem, "addressProblem");
        }

        /** A channel that takes any address it can reach. */
        public Channel(String name, boolean sendsToAddresses, boolean standby) {
            this(name, sendsToAddresses, standby, address -> Optional.empty());
        }

        /**
         * The channel {@code notifier} serves, asking it whether it reaches addresses and what it
         * makes of one; a notifier that throws when asked reaches none and finds nothing wrong.
         */
        public static Channel of(String name, Notifier notifier, boolean standby) {
            boolean addressable;
            try {
                addressable = notifier.sendsToAddresses();
            } catch (RuntimeException failure) {
                addressable = false;
            }
            return new Channel(name, addressable, standby, address -> {
                try {
                    return Objects.requireNonNullElse(notifier.addressProblem(address), Optional.empty());
                } catch (RuntimeException failure) {
                    return Optional.empty();
                }
            });
        }
    }

    /**
     * One delivery: a channel, and the contact at whose address it goes (empty for the channel's own destination).
     *
     * @param channel the channel's name
     * @param recipient whom, or empty
     */
    public record Route(String channel, Optional<Recipient> recipient) {
        /** @throws NullPointerException if a value is null */
        public Route {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /**
     * @throws IllegalArgumentException if a contact has an address on a channel that does not
     *         exist or cannot reach addresses, or that the channel finds wrong, or a subscription or escalation step uses a channel
     *         that does not exist, is a standby, or on which the contact has no address
     */
    public Router(Routing routing, List<Channel> channels) {
        this.routing = Objects.requireNonNull(routing, "routing");
        Map<String, Channel> byName = this.channels;
        channels.forEach(channel -> byName.put(channel.name(), channel));
        for (Contact contact : routing.contacts().values()) {
            for (String name : contact.addresses().keySet()) {
                Channel channel = byName.get(name);
                if (channel == null) {
                    throw new IllegalArgumentException("contact " + contact.name() + " has an address on channel '" + name
                            + "', which does not exist (channels: " + String.join(", ", byName.keySet()) + ")");
                }
                if (!channel.sendsToAddresses()) {
                    throw new IllegalArgumentException("contact " + contact.name() + " has an address on channel '" + name
                            + "', which sends to one fixed destination (a webhook, an incident tool): it gets every"
                            + " notification anyway; remove the address");
                }
                Optional<String> problem = channel.addressProblem().apply(contact.addresses().get(name));
                if (problem.isPresent()) {
                    throw new IllegalArgumentException("the address of contact " + contact.name() + " on channel '" + name
                            + "' " + problem.get());
                }
            }
        }
        for (Subscription subscription : routing.subscriptions()) {
            checkVia(byName, subscription.via(), subscription.contact(), "subscription of " + subscription.contact()
                    + " to " + subscription.targets());
        }
        for (EscalationStep step : routing.escalation()) {
            checkVia(byName, step.via(), step.contact().orElse(null), "escalation step '" + step + "'");
        }
        Set<String> addressed = new LinkedHashSet<>();
        routing.contacts().values().forEach(contact -> addressed.addAll(contact.addresses().keySet()));
        for (Channel channel : channels) {
            if (!channel.standby()) {
                primaries.put(channel.name(), channel);
                if (!addressed.contains(channel.name())) {
                    broadcast.add(channel.name());
                }
            }
        }
    }

    private void checkVia(Map<String, Channel> channels, Set<String> via, String contact, String what) {
        for (String name : via) {
            Channel channel = channels.get(name);
            if (channel == null || channel.standby()) {
                throw new IllegalArgumentException(what + " uses channel '" + name + "', which "
                        + (channel == null ? "does not exist" : "only stands in for another channel")
                        + " (channels: " + String.join(", ", channels.keySet()) + ")");
            }
            if (contact != null && !routing.contact(contact).orElseThrow().addresses().containsKey(name)) {
                throw new IllegalArgumentException(what + " uses channel '" + name + "', on which " + contact
                        + " has no address");
            }
        }
    }

    /**
     * Checks a subscription made while the engine runs as the engine's build checks those it
     * starts with.
     *
     * @throws IllegalArgumentException if it uses a channel that does not exist, is a standby, or
     *         on which the contact has no address
     */
    public void check(Subscription subscription) {
        routing.known(subscription.contact());
        checkVia(channels, subscription.via(), subscription.contact(), "subscription of " + subscription.contact()
                + " to " + subscription.targets());
    }

    /** The routing this router applies. */
    public Routing routing() {
        return routing;
    }

    /**
     * The deliveries {@code notification} makes at {@code now}, each channel and contact once.
     *
     * @param escalationStep for an {@link NotificationKind#ESCALATION}, the step it is (1 for the
     *        first); for a recovery or acknowledgement, how many steps the incident reached; 0 otherwise
     */
    public List<Route> routes(Notification notification, int escalationStep, Instant now) {
        return routes(notification, escalationStep, Set.of(), now);
    }

    /**
     * The deliveries {@code notification} makes at {@code now}, each channel and contact once.
     *
     * @param escalationStep for an {@link NotificationKind#ESCALATION}, the step it is (1 for the
     *        first); for a recovery or acknowledgement, how many steps the incident reached; 0 otherwise
     * @param escalatedTo for a recovery or acknowledgement, the routes its incident's escalation
     *        steps took: they hear of it, whoever is on call now; when empty (the steps ran on
     *        another node, or before a restart), the steps' people as of now stand in for them
     */
    public List<Route> routes(Notification notification, int escalationStep, Set<Route> escalatedTo, Instant now) {
        Set<Route> routes = new LinkedHashSet<>();
        if (routing.isEmpty()) {
            primaries.keySet().forEach(channel -> routes.add(new Route(channel, Optional.empty())));
            return List.copyOf(routes);
        }
        broadcast.forEach(channel -> routes.add(new Route(channel, Optional.empty())));
        NotificationKind kind = notification.kind();
        if (kind == NotificationKind.ESCALATION) {
            int before = routes.size();
            stepRoutes(escalationStep, now, routes);
            if (routes.size() == before) {
                subscriberRoutes(notification, now, routes);
            }
        } else {
            subscriberRoutes(notification, now, routes);
            if (kind == NotificationKind.RECOVERY || kind == NotificationKind.ACKNOWLEDGED) {
                if (!escalatedTo.isEmpty()) {
                    escalatedTo.stream().filter(route -> primaries.containsKey(route.channel())).forEach(routes::add);
                } else {
                    for (int step = 1; step <= escalationStep; step++) {
                        stepRoutes(step, now, routes);
                    }
                }
            }
        }
        if (routes.isEmpty() && kind == NotificationKind.ALERT && notification.severity() == Severity.CRITICAL) {
            routing.onCallAt(now).ifPresent(person -> addresses(person, Set.of(), routes));
        }
        return List.copyOf(routes);
    }

    /**
     * The contact's address on a channel, for a delivery that moves there (a failover, a restart).
     * Empty if the channel cannot reach addresses or the contact has none there.
     */
    public Optional<Recipient> recipientOn(String channel, String contact) {
        return routing.contact(contact).flatMap(found -> Optional.ofNullable(found.addresses().get(channel)))
                .map(address -> new Recipient(contact, address));
    }

    private void subscriberRoutes(Notification notification, Instant now, Set<Route> routes) {
        Severity severity = routingSeverity(notification);
        for (Subscription subscription : routing.subscriptions()) {
            if (severity.isAtLeast(subscription.minimum()) && subscription.targets().matches(notification.target())
                    && !routing.muted(subscription.contact(), notification.target(), now)) {
                addresses(subscription.contact(), subscription.via(), routes);
            }
        }
    }

    private void stepRoutes(int step, Instant now, Set<Route> routes) {
        List<EscalationStep> steps = routing.escalation();
        if (steps.isEmpty()) {
            // No policy: the one escalation goes to whoever is on call, on every channel they have.
            routing.onCallAt(now).ifPresent(person -> addresses(person, Set.of(), routes));
            return;
        }
        if (step < 1 || step > steps.size()) {
            return;
        }
        EscalationStep chosen = steps.get(step - 1);
        Optional<String> person = switch (chosen.who()) {
            case ON_CALL -> routing.onCallAt(now);
            case NEXT_ON_CALL -> routing.onCallSchedule().flatMap(schedule -> schedule.nextAt(now));
            case CONTACT -> chosen.contact();
        };
        person.ifPresent(name -> addresses(name, chosen.via(), routes));
    }

    /** Routes to {@code contact} on the channels of {@code via} (all of theirs if empty) where they have an address. */
    private void addresses(String contact, Set<String> via, Set<Route> routes) {
        routing.contact(contact).ifPresent(found -> found.addresses().forEach((channel, address) -> {
            if (primaries.containsKey(channel) && (via.isEmpty() || via.contains(channel))) {
                routes.add(new Route(channel, Optional.of(new Recipient(contact, address))));
            }
        }));
    }

    /** A recovery counts as the trouble it ends; everything else as its own severity. */
    static Severity routingSeverity(Notification notification) {
        if (notification.kind() == NotificationKind.RECOVERY && notification.previous() != Status.UNKNOWN) {
            return notification.previous().severity();
        }
        return notification.severity();
    }
}
