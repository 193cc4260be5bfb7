package io.ringwatch.engine.delivery;

import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Recipient;
import io.ringwatch.api.Severity;
import io.ringwatch.engine.DeliveryMode;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.routing.Router;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.schedule.Cancellable;
import io.ringwatch.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each notification to the channels and contacts its {@link Routing} names (without
 * contacts, every channel), each channel on its own lane with its own timeout, and records
 * every attempt. A channel that throws or hangs delays no other channel and never the checks.
 *
 * <ul>
 *   <li><b>Retries.</b> A failed delivery is tried again after an exponential backoff with
 *       jitter, up to the {@link DeliveryPolicy}'s attempts; then it is given up.</li>
 *   <li><b>Suspension.</b> A channel that failed several deliveries in a row is suspended for a
 *       while (its circuit breaker opens): its deliveries wait, and are then let through one
 *       at a time as trials until one succeeds.</li>
 *   <li><b>Failover.</b> A channel may have a standby: a delivery given up on the channel, or
 *       waiting while it is suspended, goes to the standby. A standby gets nothing else.</li>
 * </ul>
 * Thread-safe.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int QUEUE_CAPACITY = 1_000;
    /** Hanging deliveries left behind on a channel beyond which it is not tried until one returns. */
    private static final int MAX_STUCK_DELIVERIES = 3;
    /** The attribute of a queued escalation that says which step of the policy it is. */
    public static final String ESCALATION_STEP = "escalation-step";

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final EventRecorder events;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration timeout;
    private final DeliveryMode mode;
    private final DeliveryPolicy policy;
    private final SplittableRandom random;
    private final Router router;
    /** Notifications already failed over to a standby's own destination, the latest few: it gets each once. */
    private final Set<String> failedOverToDestination = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > QUEUE_CAPACITY;
                }
            }));
    /** The retries waiting for their time, so that closing can cancel them. */
    private final Map<Object, Cancellable> pendingRetries = new ConcurrentHashMap<>();
    private volatile Outbox.Ids ids;
    private volatile boolean closed;

    /** One attempt per delivery, no standby: for tests of the lanes themselves. */
    public Dispatcher(List<Notifier> notifiers, DeliveryMode mode, Duration timeout, Scheduler scheduler,
            EventRecorder events) {
        this(notifiers, Map.of(), Routing.none(), DeliveryPolicy.once(), mode, timeout, scheduler, Clock.systemUTC(),
                events, 0);
    }

    /**
     * @param standbys the standby channel of a channel, by channel name
     * @param routing who is told what
     * @param seed seeds the jitter of retries
     * @throws IllegalArgumentException if a standby names a channel that does not exist, or a channel is its own
     *         standby, or the routing names a channel that does not exist or cannot reach contacts
     */
    public Dispatcher(List<Notifier> notifiers, Map<String, String> standbys, Routing routing, DeliveryPolicy policy,
            DeliveryMode mode, Duration timeout, Scheduler scheduler, Clock clock, EventRecorder events, long seed) {
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
        this.timeout = timeout;
        this.mode = mode;
        this.policy = policy;
        this.random = new SplittableRandom(seed);
        this.ids = new Outbox.Ids(clock.instant());
        for (Notifier notifier : notifiers) {
            String name = safeName(notifier);
            String key = name;
            for (int n = 2; channels.containsKey(key); n++) {
                key = name + "#" + n; // two notifier instances of one name are two channels still
            }
            channels.put(key, new Channel(notifier, name, key, Lane.open(mode, "notifier-" + name, QUEUE_CAPACITY),
                    new ChannelBreaker(policy.suspendAfter(), policy.suspendFor())));
        }
        standbys.forEach((primary, standby) -> {
            if (!channels.containsKey(primary) || !channels.containsKey(standby) || primary.equals(standby)) {
                throw new IllegalArgumentException("failover from channel '" + primary + "' to '" + standby
                        + "': both must be channels of the engine, and differ; channels: " + channels.keySet());
            }
            if (standbys.containsKey(standby) || standbys.containsValue(primary)) {
                // A standby gets nothing but what its primary gives up: one that is a primary too,
                // or a primary that stands in for another, would get nothing at all.
                throw new IllegalArgumentException("failover from channel '" + primary + "' to '" + standby
                        + "': a standby cannot have a standby of its own, nor stand in for a channel that has one");
            }
            channels.get(primary).standby = channels.get(standby);
            channels.get(standby).isStandby = true;
        });
        List<Router.Channel> seen = new ArrayList<>();
        channels.values().forEach(channel -> seen.add(Router.Channel.of(channel.key, channel.notifier, channel.isStandby)));
        this.router = new Router(routing, seen);
    }

    /** The routing of this dispatcher: contacts, subscriptions, mutes, on-call and escalation. */
    public Routing routing() {
        return router.routing();
    }

    /** Whether any channel is configured. */
    public boolean hasChannels() {
        return !channels.isEmpty();
    }

    /** Queues the notification where routing sends it, as no escalation's. Never blocks (unless delivery is inline). */
    public void dispatch(Notification notification) {
        dispatch(notification, 0, Set.of());
    }

    /**
     * Queues the notification where routing sends it. Never blocks (unless delivery is inline).
     *
     * @param escalationStep for an escalation, its step (1 for the first); for a recovery or an
     *        acknowledgement, how many steps the incident reached; 0 otherwise
     * @param escalatedTo for a recovery or an acknowledgement, the routes the incident's escalation took
     * @return the deliveries queued; none is recorded as suppressed
     */
    public List<Router.Route> dispatch(Notification notification, int escalationStep, Set<Router.Route> escalatedTo) {
        List<Router.Route> routes = router.routes(notification, escalationStep, escalatedTo, clock.instant());
        if (routes.isEmpty()) {
            events.record(events.event(EventKind.NOTIFICATION_SUPPRESSED).target(notification.target())
                    .status(notification.current())
                    .message("Not sent (no channel or contact is routed to): " + notification.headline())
                    .attribute("notification", notification.kind()).attribute("incident", notification.incidentKey())
                    .attribute("why", "nobody subscribed"));
        }
        for (Router.Route route : routes) {
            queue(new Delivery(channels.get(route.channel()), notification, 1, null, ids.next(),
                    route.recipient().orElse(null)), escalationStep);
        }
        return routes;
    }

    /** The routing applied to this dispatcher's channels. */
    public Router router() {
        return router;
    }

    /**
     * Sends again what an earlier run of this node queued and never sent or gave up, as read
     * back from the event log: the durable outbox. Deliveries to channels that no longer exist
     * are dropped, with a warning.
     *
     * @param earlier the event log's events from before this run, oldest first
     * @return how many deliveries are sent again
     */
    public int resume(List<Event> earlier, NodeId self) {
        // Ids of this run differ from every earlier run's, even one that started at the same instant.
        ids = new Outbox.Ids(clock.instant(), earlier.size());
        List<Outbox.Pending> pending = Outbox.unfinished(earlier, self, clock.instant());
        int resent = 0;
        for (Outbox.Pending delivery : pending) {
            Channel channel = channels.get(delivery.channel());
            if (channel == null) {
                LOG.warn("A notification queued for channel '{}' before the restart is dropped: the channel is gone",
                        delivery.channel());
                continue;
            }
            Recipient recipient = null;
            if (delivery.contact() != null) {
                Optional<Recipient> found = router.recipientOn(channel.key, delivery.contact());
                if (found.isEmpty()) {
                    LOG.warn("A notification queued for {} on channel '{}' before the restart is dropped: the contact has"
                            + " no address there any more", delivery.contact(), delivery.channel());
                    continue;
                }
                recipient = found.get();
            }
            channel.lane.execute(new Delivery(channel, delivery.notification(), 1, null, delivery.id(), recipient));
            resent++;
        }
        if (resent > 0) {
            LOG.info("{} sends again {} notification(s) left undelivered before it stopped", self, resent);
        }
        return resent;
    }

    /**
     * Lets every channel that receives messages start receiving them into {@code conversation}.
     * A channel that fails to start is logged and left out; the others go on.
     */
    public void startReceiving(Conversation conversation) {
        for (Channel channel : channels.values()) {
            try {
                if (channel.notifier.receives()) {
                    channel.notifier.startReceiving(conversation);
                }
            } catch (RuntimeException failure) {
                LOG.warn("Channel {} could not start receiving messages: {}", channel.name,
                        OneLine.of(failure.getMessage(), 200));
            }
        }
    }

    /** The callback receiver of the channel of this name, if it takes callbacks. */
    public Optional<CallbackReceiver> callbacks(String channelName) {
        Channel channel = channels.get(channelName);
        if (channel == null) {
            return Optional.empty();
        }
        try {
            return Objects.requireNonNullElse(channel.notifier.callbacks(), Optional.empty());
        } catch (RuntimeException failure) {
            LOG.warn("Channel {} failed to say whether it takes callbacks: {}", channel.name, OneLine.of(failure.getMessage(), 200));
            return Optional.empty();
        }
    }

    /**
     * Cancels the retries that wait for their time, waits up to the channel timeout, in all, for
     * the deliveries already queued, then closes every notifier.
     */
    public void close() {
        closed = true;
        pendingRetries.values().forEach(Cancellable::cancel);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Channel channel : channels.values()) {
            channel.lane.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            try {
                channel.notifier.close();
            } catch (Throwable failure) {
                LOG.warn("Notifier {} failed to close", channel.name, failure);
            }
        }
    }

    /** One attempt of one notification on one channel, bounded by the channel timeout. */
    private final class Delivery implements Runnable {
        private final Channel channel;
        private final Notification notification;
        private final int attempt;
        /** The channel this delivery failed over from, or null. */
        private final Channel from;
        /** The delivery's id in the outbox, the same for all its attempts. */
        private final String id;
        /** The contact at whose address it goes, or null for the channel's own destination. */
        private final Recipient recipient;
        private final AtomicBoolean settled = new AtomicBoolean();

        Delivery(Channel channel, Notification notification, int attempt, Channel from, String id, Recipient recipient) {
            this.channel = channel;
            this.notification = notification;
            this.attempt = attempt;
            this.from = from;
            this.id = id;
            this.recipient = recipient;
        }

        /** The contact it goes to, or null for the channel's own destination. */
        String contact() {
            return recipient == null ? null : recipient.contact();
        }

        /** {@code ops-telegram to alice}, or the channel alone. */
        String where() {
            return channel.name + (recipient == null ? "" : " to " + recipient.contact());
        }

        @Override
        public void run() {
            Instant now = clock.instant();
            if (!channel.breaker.allows(now)) {
                waitForChannel(now);
                return;
            }
            int stuck = channel.lane.abandonedStillRunning();
            if (stuck >= MAX_STUCK_DELIVERIES) {
                failed(this, "not attempted: " + stuck + " earlier deliveries still hang");
                return;
            }
            Cancellable watchdog = Cancellable.NONE;
            try {
                watchdog = mode == DeliveryMode.THREADS
                        ? scheduler.schedule(timeout, () -> {
                            if (settled.compareAndSet(false, true)) {
                                // Recorded before the lane moves on, so the next delivery's events come after it.
                                failed(this, "timed out after " + timeout.toMillis() + " ms");
                                channel.lane.abandon(this);
                            }
                        })
                        : Cancellable.NONE;
                if (recipient == null) {
                    channel.notifier.send(notification);
                } else {
                    channel.notifier.send(notification, recipient);
                }
                if (settled.compareAndSet(false, true)) {
                    watchdog.cancel();
                    sent(this);
                }
            } catch (Throwable failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (settled.compareAndSet(false, true)) {
                    watchdog.cancel();
                    failed(this, failure.getClass().getSimpleName() + ": " + OneLine.of(withoutAddress(failure.getMessage()), 200));
                }
            }
        }

        /**
         * The channel is suspended: the standby takes it, or it counts as a failed attempt (the
         * channel's breaker aside) and waits for its next one, so that it ends sent or given up.
         */
        private void waitForChannel(Instant now) {
            if (channel.standby != null && from == null) {
                failOver(this, "channel '" + channel.name + "' is suspended");
                gaveUp(this, "handed to " + channel.standby.name + ": " + channel.name + " is suspended");
            } else {
                Duration untilTrial = Duration.between(now, channel.breaker.retryAt(now));
                failed(this, "not attempted: channel " + channel.name + " is suspended", false, untilTrial);
            }
        }

        /** The text with the recipient's address cut out: a notifier's message may quote it, and it is personal data. */
        private String withoutAddress(String text) {
            return recipient == null || text == null ? text : text.replace(recipient.address(), "…");
        }

        Delivery next() {
            return new Delivery(channel, notification, attempt + 1, from, id, recipient);
        }
    }

    private void sent(Delivery delivery) {
        Channel channel = delivery.channel;
        Notification notification = delivery.notification;
        if (channel.breaker.succeeded()) {
            events.record(events.event(EventKind.CHANNEL_RESUMED)
                    .message("Channel " + channel.name + " delivers again")
                    .attribute("channel", channel.name));
        }
        var event = events.event(EventKind.NOTIFICATION_SENT)
                .target(notification.target())
                .status(notification.current())
                .message("Sent " + delivery.where() + ": " + notification.headline())
                .attribute("channel", channel.name)
                .attribute("incident", notification.incidentKey())
                .attribute("notification", notification.kind())
                .attribute("attempt", Integer.toString(delivery.attempt))
                .attribute(Outbox.DELIVERY, delivery.id)
                .attribute(Outbox.TO, delivery.contact());
        if (delivery.from != null) {
            event.attribute("failover-from", delivery.from.name);
        }
        events.record(event);
    }

    private void failed(Delivery delivery, String why) {
        failed(delivery, why, true, Duration.ZERO);
    }

    /**
     * @param countsForBreaker whether the channel itself failed (not when it was not even tried)
     * @param atLeast the shortest wait before the next attempt
     */
    private void failed(Delivery delivery, String why, boolean countsForBreaker, Duration atLeast) {
        Channel channel = delivery.channel;
        Notification notification = delivery.notification;
        Instant now = clock.instant();
        boolean suspended = countsForBreaker
                && channel.breaker.failed(now, notificationKey(notification)) == ChannelBreaker.AfterFailure.OPENED;
        boolean last = delivery.attempt >= policy.attempts();
        Duration backoff = last ? Duration.ZERO : jittered(policy.backoff(delivery.attempt));
        Duration wait = backoff.compareTo(atLeast) >= 0 ? backoff : atLeast;
        events.record(events.event(EventKind.NOTIFICATION_FAILED)
                .target(notification.target())
                .status(notification.current())
                .severity(Severity.WARNING)
                .message("Failed to send to " + delivery.where() + ": " + notification.headline() + " (" + why + "; attempt "
                        + delivery.attempt + " of " + policy.attempts()
                        + (last ? ")" : ", next in " + Durations.human(wait) + ")"))
                .attribute("channel", channel.name)
                .attribute("incident", notification.incidentKey())
                .attribute("notification", notification.kind())
                .attribute("attempt", Integer.toString(delivery.attempt))
                .attribute(Outbox.DELIVERY, delivery.id)
                .attribute(Outbox.TO, delivery.contact())
                .attribute("error", why));
        if (suspended) {
            events.record(events.event(EventKind.CHANNEL_SUSPENDED)
                    .severity(Severity.WARNING)
                    .message("Channel " + channel.name + " failed " + policy.suspendAfter() + " different deliveries in a row,"
                            + " or its trial failed: not tried for "
                            + Durations.human(channel.breaker.openFor()) + (channel.standby == null ? "" : "; "
                            + channel.standby.name + " stands in"))
                    .attribute("channel", channel.name));
        }
        if (!last) {
            later(wait, delivery.next());
            return;
        }
        // The standby's delivery is queued before this one is closed, so that no crash between the two loses it.
        if (channel.standby != null && delivery.from == null) {
            failOver(delivery, "gave up on channel '" + channel.name + "'");
        }
        gaveUp(delivery, "after " + delivery.attempt + " attempt(s)");
    }

    private void gaveUp(Delivery delivery, String why) {
        Notification notification = delivery.notification;
        events.record(events.event(EventKind.NOTIFICATION_GAVE_UP)
                .target(notification.target())
                .status(notification.current())
                .severity(Severity.WARNING)
                .message("Gave up sending to " + delivery.where() + " (" + why + "): " + notification.headline())
                .attribute("channel", delivery.channel.name)
                .attribute("incident", notification.incidentKey())
                .attribute("notification", notification.kind())
                .attribute(Outbox.DELIVERY, delivery.id)
                .attribute(Outbox.TO, delivery.contact()));
    }

    private void failOver(Delivery delivery, String why) {
        Channel standby = delivery.channel.standby;
        LOG.info("Notification {} goes to {}: {}", delivery.notification.incidentKey(), standby.name, why);
        Recipient recipient = delivery.recipient == null ? null
                : router.recipientOn(standby.key, delivery.recipient.contact()).filter(found -> sendsToAddresses(standby.notifier))
                        .orElse(null);
        if (recipient == null && delivery.recipient != null
                && !failedOverToDestination.add(notificationKey(delivery.notification) + " -> " + standby.key)) {
            // Copies for several contacts who have no address on the standby: its own destination gets one.
            return;
        }
        queue(new Delivery(standby, delivery.notification, 1, delivery.channel, ids.next(), recipient));
    }

    /** Records the delivery in the outbox, then puts it on its channel's lane. */
    private void queue(Delivery delivery) {
        queue(delivery, 0);
    }

    /** @param escalationStep recorded with an escalation, so that a restarted engine knows how far it got */
    private void queue(Delivery delivery, int escalationStep) {
        Notification notification = delivery.notification;
        var event = events.event(EventKind.NOTIFICATION_QUEUED)
                .target(notification.target())
                .status(notification.current())
                .message("Queued for " + delivery.where() + ": " + notification.headline())
                .attribute("channel", delivery.channel.name)
                .attribute(Outbox.CHANNEL_KEY, delivery.channel.key)
                .attribute("incident", notification.incidentKey())
                .attribute("notification", notification.kind())
                .attribute(Outbox.DELIVERY, delivery.id)
                .attribute(Outbox.TO, delivery.contact());
        if (notification.kind() == NotificationKind.ESCALATION && escalationStep > 0) {
            event.attribute(ESCALATION_STEP, Integer.toString(escalationStep));
        }
        Outbox.attributes(notification).forEach(event::attribute);
        events.record(event);
        delivery.channel.lane.execute(delivery);
    }

    /** Queues {@code delivery} on its lane after {@code wait}, unless the dispatcher closes first. */
    private void later(Duration wait, Delivery delivery) {
        if (closed) {
            return;
        }
        Object key = new Object();
        Cancellable handle = scheduler.schedule(wait, () -> {
            pendingRetries.remove(key);
            if (!closed) {
                delivery.channel.lane.execute(delivery);
            }
        });
        pendingRetries.put(key, handle);
        if (closed) {
            handle.cancel();
        }
    }

    private Duration jittered(Duration wait) {
        double extra;
        synchronized (random) {
            extra = random.nextDouble() * policy.jitter();
        }
        return wait.plusNanos((long) (wait.toNanos() * extra));
    }

    /** Names a notification, the same for its copies to several contacts. */
    private static String notificationKey(Notification notification) {
        return notification.incidentKey() + "|" + notification.kind() + "|" + notification.at();
    }

    private static boolean sendsToAddresses(Notifier notifier) {
        try {
            return notifier.sendsToAddresses();
        } catch (Throwable failure) {
            return false;
        }
    }

    private static String safeName(Notifier notifier) {
        try {
            return OneLine.of(notifier.name(), 60);
        } catch (Throwable failure) {
            return notifier.getClass().getSimpleName();
        }
    }

    private static final class Channel {
        final Notifier notifier;
        final String name;
        /** Unique among the channels, where two notifiers share a name: {@code chat#2}. */
        final String key;
        final Lane lane;
        final ChannelBreaker breaker;
        volatile Channel standby;
        volatile boolean isStandby;

        Channel(Notifier notifier, String name, String key, Lane lane, ChannelBreaker breaker) {
            this.notifier = notifier;
            this.name = name;
            this.key = key;
            this.lane = lane;
            this.breaker = breaker;
        }
    }
}
