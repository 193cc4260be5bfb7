package io.ringwatch.engine;

import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.EventLog;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Probe;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.conversation.CommandConversation;
import io.ringwatch.engine.delivery.Dispatcher;
import io.ringwatch.engine.delivery.Lane;
import io.ringwatch.engine.dispatch.NotifierProviders;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.metrics.EngineMetrics;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.Transport;
import io.ringwatch.engine.ring.Ring;
import io.ringwatch.engine.ring.RingOrder;
import io.ringwatch.engine.routing.Mute;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.routing.RoutingChange;
import io.ringwatch.engine.routing.TargetPattern;
import io.ringwatch.engine.schedule.Scheduler;
import io.ringwatch.engine.schedule.SystemScheduler;
import io.ringwatch.engine.watch.Watcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's monitor: watches its partners in the ring, classifies, debounces and confirms what
 * it sees, tells people through its notifiers and keeps the audit trail. Build one with
 * {@link #builder()}, {@link #start()} it, {@link #close()} it when the host app stops.
 *
 * <pre>{@code
 * MonitorEngine engine = MonitorEngine.builder()
 *         .self("n1")
 *         .member(Member.of("n1", "http://10.0.0.1:7070", ServiceSpec.http("orders-api", "http://10.0.0.1:8080/health")))
 *         .member(Member.of("n2", "http://10.0.0.2:7070"))
 *         .member(Member.of("n3", "http://10.0.0.3:7070"))
 *         .transport(transport)
 *         .channel("console")
 *         .build();
 * engine.start();
 * }</pre>
 *
 * <p>Thread-safe. The engine runs on its scheduler (one thread by default), never a thread per
 * target; each notifier and the event log get one thread each.
 */
public final class MonitorEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorEngine.class);

    private final NodeId self;
    private final Map<NodeId, Member> members;
    private final Ring ring;
    private final MonitorConfig config;
    private final Transport transport;
    private final Clock clock;
    private final EventRecorder events;
    private final Dispatcher dispatcher;
    private final Watcher watcher;
    private final CommandConversation conversation;
    private final SystemScheduler ownedScheduler;
    private final List<MaintenanceWindow> maintenance;
    private final EngineMetrics metrics = new EngineMetrics();
    private final EventLog eventLog;
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    private MonitorEngine(Builder builder, List<Notifier> notifiers, EventLog log, long seed) {
        self = builder.self;
        members = builder.members;
        config = builder.config;
        transport = builder.transport;
        clock = builder.clock;
        ring = Ring.of(members.keySet(), builder.ringOrder, config.partners(), members.values().stream()
                .filter(member -> !member.runsEngine()).map(Member::id).collect(Collectors.toSet()));
        ownedScheduler = builder.scheduler == null ? SystemScheduler.start("ringwatch-" + self) : null;
        Scheduler scheduler = builder.scheduler != null ? builder.scheduler : ownedScheduler;
        events = new EventRecorder(self, builder.clock, log, Lane.open(builder.delivery, "eventlog-" + self, 10_000),
                metrics::observe);
        dispatcher = new Dispatcher(notifiers, builder.standbys, builder.routing, builder.deliveryPolicy, builder.delivery,
                config.notifierTimeout(), scheduler, builder.clock, events, seed);
        watcher = new Watcher(self, List.copyOf(members.values()), ring, config, transport, scheduler, builder.clock,
                events, dispatcher, builder.controlTarget, new SplittableRandom(seed), metrics);
        maintenance = List.copyOf(builder.maintenance);
        eventLog = log;
        conversation = new CommandConversation(this, events, clock, this::passOnMessage);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts watching.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException("engine " + self + " is " + (closed ? "closed" : "already started"));
            }
            started = true;
        }
        List<Event> earlier = readBack(); // before this run writes anything to the log
        events.record(events.event(EventKind.ENGINE_STARTED)
                .message("Ringwatch started on " + self + ": watching " + config.partners() + " partner(s) in a ring of "
                        + ring.size() + " every " + Durations.human(config.interval()))
                .attribute("ring", String.join(",", ring.members().stream().map(NodeId::value).toList())));
        maintenance.forEach(watcher::addMaintenance);
        dispatcher.resume(earlier, self);
        restoreRoutingChanges(earlier);
        watcher.restoreIncidents(earlier);
        watcher.start();
        dispatcher.startReceiving(conversation);
    }

    /** What the event log holds from earlier runs, for the outbox; none if it cannot be read back. */
    private List<Event> readBack() {
        try {
            return eventLog.replay();
        } catch (IOException | RuntimeException failure) {
            LOG.warn("Node {} could not read its event log back: notifications left undelivered by the last run are"
                    + " not sent again", self, failure);
            return List.of();
        }
    }

    /**
     * Stops watching, finishes queued notifications (up to the notifier timeout) and flushes the
     * event log. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        watcher.stop();
        dispatcher.close();
        // After the deliveries under way, so that the log ends with the engine's last word.
        events.record(events.event(EventKind.ENGINE_STOPPED).message("Ringwatch stopped on " + self));
        events.close(config.notifierTimeout());
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
    }

    /** This engine's node. */
    public NodeId self() {
        return self;
    }

    /** The ring this engine works out its part of. */
    public Ring ring() {
        return ring;
    }

    /** The timings and thresholds in force. */
    public MonitorConfig config() {
        return config;
    }

    /** The members of the farm, in the order they were given. */
    public List<Member> members() {
        return List.copyOf(members.values());
    }

    /**
     * Who this engine tells what. Subscriptions, mutes and on-call overrides changed here hold
     * for this engine only and are not written to the event log; people's changes go through
     * the engine's own methods, such as {@link #mute}.
     */
    public Routing routing() {
        return dispatcher.routing();
    }

    /** What this engine has counted since it was built: checks, latencies, notification outcomes. */
    public EngineMetrics metrics() {
        return metrics;
    }

    /** Whether the engine has started and not been closed: whether it answers questions. */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return started && !closed;
        }
    }

    /** What this engine sees now. */
    public EngineView view() {
        return watcher.view();
    }

    /**
     * Records that {@code by} acknowledged the target's open incident: no more reminders or
     * escalation. The target's other watchers are told too.
     *
     * @param note what they said, possibly empty
     * @return whether this engine had an open incident for the target; false for a target
     *         that is not in the farm
     * @throws NullPointerException if an argument is null
     */
    public boolean acknowledge(TargetId target, String by, String note) {
        Objects.requireNonNull(target, "target");
        if (!members.containsKey(target.node())) {
            return false;
        }
        String who = OneLine.of(Objects.requireNonNull(by, "by"), 80);
        String what = OneLine.of(Objects.requireNonNull(note, "note"), 500);
        boolean had = watcher.acknowledge(target, who, what);
        PeerQuestion tell = new PeerQuestion.Acknowledge(target, who, what);
        for (NodeId other : watcher.otherWatchersOf(target)) {
            Member member = members.get(other);
            try {
                transport.ask(member, tell, config.peerTimeout()).exceptionally(failure -> null);
            } catch (RuntimeException failure) {
                LOG.debug("Could not tell {} of the acknowledgement", other, failure);
            }
        }
        return had;
    }

    /**
     * Changes who is told what (a subscription, a mute, an on-call override), here and on every
     * other node of the farm that runs an engine, and writes it into the event log, so that it
     * holds after a restart. A node that is down meanwhile does not learn of it.
     *
     * @return whether it changed anything here (unsubscribing from what one does not follow does not)
     * @throws IllegalArgumentException if it names a contact the routing does not know
     * @throws IllegalStateException for an on-call override without an on-call schedule
     */
    public boolean changeRouting(RoutingChange change) {
        boolean changed = applyRoutingChange(Objects.requireNonNull(change, "change"), null);
        PeerQuestion tell = new PeerQuestion.ChangeRouting(change);
        for (Member member : members.values()) {
            if (!member.id().equals(self) && member.runsEngine()) {
                try {
                    transport.ask(member, tell, config.peerTimeout()).exceptionally(failure -> null);
                } catch (RuntimeException failure) {
                    LOG.debug("Could not tell {} of the routing change", member.id(), failure);
                }
            }
        }
        return changed;
    }

    /**
     * Tells every other node that runs an engine of a message about a target, for those that
     * watch it to write it into their logs ({@link PeerQuestion.RecordMessage}). Every node, not
     * the watchers this node sees: it may not watch the target's neighbours and so not know which
     * of them are down, while each node knows whether it watches the target. Does not wait; a
     * node that cannot be reached does not learn of it.
     */
    private void passOnMessage(PeerQuestion.RecordMessage message) {
        for (Member member : members.values()) {
            if (member.id().equals(self) || !member.runsEngine()) {
                continue;
            }
            try {
                transport.ask(member, message, config.peerTimeout()).whenComplete((answer, failure) -> {
                    if (failure != null) {
                        LOG.debug("Could not pass a message about {} on to {}: {}", message.target(), member.id(),
                                failure.toString());
                    }
                });
            } catch (RuntimeException failure) {
                LOG.debug("Could not pass a message about {} on to {}", message.target(), member.id(), failure);
            }
        }
    }

    /**
     * Where messages people send to this engine go: channels that receive hand them here, and
     * a host app that receives messages its own way (a web form, a bot it runs) may too. See
     * {@link CommandConversation} for what it does with them.
     */
    public Conversation conversation() {
        return conversation;
    }

    /**
     * Hands a provider's callback to the channel of this name (a callee's keypress on a call):
     * its receiver checks the provider's signature, hands what it means to
     * {@link #conversation()} and says what to answer.
     *
     * @return the answer, or empty if no channel of this name takes callbacks
     */
    public Optional<CallbackReceiver.Answer> callback(String channel, CallbackReceiver.Request request) {
        return dispatcher.callbacks(Objects.requireNonNull(channel, "channel"))
                .map(receiver -> receiver.receive(Objects.requireNonNull(request, "request"), conversation));
    }

    /**
     * Mutes {@code targets} for {@code contact} from now for {@code duration}, on every node:
     * {@link #changeRouting} with a {@link RoutingChange.MuteTargets}.
     *
     * @param reason why, possibly empty: "deploying 2.4.1"
     * @param by who asked
     * @throws IllegalArgumentException if the contact is unknown or the duration is not positive
     */
    public void mute(String contact, TargetPattern targets, Duration duration, String reason, String by) {
        if (Objects.requireNonNull(duration, "duration").isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a mute lasts a positive duration, was " + duration);
        }
        changeRouting(new RoutingChange.MuteTargets(new Mute(contact, targets, clock.instant().plus(duration), reason), by));
    }

    /** @param from the node that told of it, or null if it was made here */
    private boolean applyRoutingChange(RoutingChange change, NodeId from) {
        if (change instanceof RoutingChange.Subscribe subscribe) {
            dispatcher.router().check(subscribe.subscription());
        }
        boolean changed = change.applyTo(dispatcher.routing());
        var event = events.event(EventKind.ROUTING_CHANGED).message(change.describe());
        change.attributes().forEach(event::attribute);
        if (from != null) {
            event.attribute("told-by", from.value());
        }
        events.record(event);
        return changed;
    }

    /** Applies the routing changes an earlier run wrote into the log, in order; those that no longer fit are skipped. */
    private void restoreRoutingChanges(List<Event> earlier) {
        for (Event event : earlier) {
            if (event.kind() == EventKind.ROUTING_CHANGED && self.equals(event.observer())) {
                RoutingChange.read(event.attributes()).ifPresent(change -> {
                    try {
                        change.applyTo(dispatcher.routing());
                    } catch (RuntimeException noLongerFits) {
                        LOG.warn("A routing change from before the restart is skipped ({}): {}", change.describe(),
                                noLongerFits.getMessage());
                    }
                });
            }
        }
    }

    /**
     * Writes a note into the audit trail, such as "deploying 2.4.1" or "I blame the ISP".
     *
     * @param target what the note is about, or null for the node in general
     * @throws NullPointerException if {@code by} or {@code text} is null
     */
    public void annotate(TargetId target, String by, String text) {
        String who = OneLine.of(Objects.requireNonNull(by, "by"), 80);
        events.record(events.event(EventKind.ANNOTATION).target(target)
                .message(who + ": " + Objects.requireNonNull(text, "text"))
                .attribute("by", who));
    }

    /**
     * Adds a maintenance window: the target's notifications are held back while it is open.
     *
     * @throws NullPointerException if {@code window} is null
     */
    public void scheduleMaintenance(MaintenanceWindow window) {
        watcher.addMaintenance(Objects.requireNonNull(window, "window"));
    }

    /**
     * Answers a question from another node. Transports call this when a question arrives; the
     * answer may take up to the check timeout (a {@link PeerQuestion.CheckTarget} runs a check).
     *
     * @param from the asking node
     * @return the answer; failed with {@link IllegalStateException} if this engine is not running
     */
    public CompletionStage<PeerAnswer> answer(NodeId from, PeerQuestion question) {
        synchronized (lifecycle) {
            if (!started || closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("engine " + self + " is not running"));
            }
        }
        if (Objects.requireNonNull(question, "question") instanceof PeerQuestion.Acknowledge ack) {
            // Said by a person somewhere else: kept to one line and bounded, as a local acknowledgement is.
            question = new PeerQuestion.Acknowledge(ack.target(), OneLine.of(ack.by(), 80), OneLine.of(ack.note(), 500));
        }
        if (question instanceof PeerQuestion.RecordMessage message) {
            boolean watched = watcher.watches(message.target());
            if (watched) {
                conversation.recordPassedOn(from, message);
            }
            return CompletableFuture.completedFuture(new PeerAnswer.Noted(watched));
        }
        if (question instanceof PeerQuestion.ChangeRouting change) {
            try {
                return CompletableFuture.completedFuture(new PeerAnswer.Noted(applyRoutingChange(change.change(), from)));
            } catch (RuntimeException doesNotFit) {
                LOG.warn("{} told of a routing change that does not fit this node's routing ({}): {}", from,
                        change.change().describe(), doesNotFit.getMessage());
                return CompletableFuture.completedFuture(new PeerAnswer.Noted(false));
            }
        }
        return watcher.answer(question);
    }

    @Override
    public String toString() {
        return "MonitorEngine[" + self + " in " + ring + "]";
    }

    /** Collects what an engine needs. Not thread-safe. */
    public static final class Builder {
        private NodeId self;
        private final Map<NodeId, Member> members = new LinkedHashMap<>();
        private RingOrder ringOrder = RingOrder.CONFIGURED;
        private MonitorConfig config = MonitorConfig.ofDefaults();
        private Transport transport;
        private final List<Notifier> notifiers = new ArrayList<>();
        private final List<ChannelRequest> channels = new ArrayList<>();
        private NotifierProviders providers;
        private EventLog eventLog;
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private DeliveryMode delivery = DeliveryMode.THREADS;
        private Long seedOverride;
        private Probe controlTarget;
        private final List<MaintenanceWindow> maintenance = new ArrayList<>();
        private DeliveryPolicy deliveryPolicy = DeliveryPolicy.ofDefaults();
        private final Map<String, String> standbys = new LinkedHashMap<>();
        private Routing routing = Routing.none();

        /** A channel by provider id and settings, or (provider null) by URL in {@code url}. */
        private record ChannelRequest(String provider, NotifierSettings settings, String url) {
            String name() {
                return settings.channel();
            }
        }

        private Builder() {
        }

        /** This engine's node; it must be one of the members. */
        public Builder self(NodeId self) {
            this.self = Objects.requireNonNull(self, "self");
            return this;
        }

        /**
         * This engine's node; it must be one of the members.
         *
         * @throws IllegalArgumentException if the name is not a valid node id
         */
        public Builder self(String self) {
            return self(NodeId.of(self));
        }

        /**
         * Adds a member of the farm. The ring follows the order members are added unless
         * {@link #ringOrder(RingOrder)} says otherwise.
         *
         * @throws IllegalArgumentException if a member with this id was added already
         */
        public Builder member(Member member) {
            Objects.requireNonNull(member, "member");
            if (members.putIfAbsent(member.id(), member) != null) {
                throw new IllegalArgumentException("member " + member.id() + " is listed twice");
            }
            return this;
        }

        /**
         * Adds members of the farm, in order.
         *
         * @throws IllegalArgumentException if a member is listed twice
         */
        public Builder members(List<Member> members) {
            members.forEach(this::member);
            return this;
        }

        public Builder ringOrder(RingOrder ringOrder) {
            this.ringOrder = Objects.requireNonNull(ringOrder, "ringOrder");
            return this;
        }

        public Builder config(MonitorConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** How checks and questions travel: HTTP, or the testkit's simulated network. Required. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Adds a notifier instance. */
        public Builder notifier(Notifier notifier) {
            notifiers.add(Objects.requireNonNull(notifier, "notifier"));
            return this;
        }

        /**
         * Adds a channel made by the provider with this id, found through {@link java.util.ServiceLoader}.
         *
         * @param provider the provider's id, such as {@code console} or {@code slack}
         * @param name the channel's name in events and logs
         * @param settings the provider's settings (they may hold secrets; they are never logged)
         */
        public Builder channel(String provider, String name, Map<String, String> settings) {
            channels.add(new ChannelRequest(Objects.requireNonNull(provider, "provider"), NotifierSettings.of(name, settings), null));
            return this;
        }

        /**
         * Adds a channel given as one URL, such as {@code tgram://TOKEN/CHAT_ID}: the provider
         * found through {@link java.util.ServiceLoader} that reads the URL's scheme makes it.
         *
         * @param name the channel's name in events and logs
         * @param url the channel's URL (it holds secrets; it is never logged)
         */
        public Builder channelUrl(String name, String url) {
            channels.add(new ChannelRequest(null, NotifierSettings.empty(name), Objects.requireNonNull(url, "url")));
            return this;
        }

        /** Adds a channel with no settings, named after its provider. */
        public Builder channel(String provider) {
            return channel(provider, provider, Map.of());
        }

        /** Where channel providers come from; found with {@link java.util.ServiceLoader} unless set. */
        public Builder providers(NotifierProviders providers) {
            this.providers = Objects.requireNonNull(providers, "providers");
            return this;
        }

        /**
         * Where events go; unless set, a {@link JsonLinesEventLog} at
         * {@code ringwatch-events/<node>.jsonl} under the working directory.
         */
        public Builder eventLog(EventLog eventLog) {
            this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
            return this;
        }

        /** Where time comes from; the system clock in UTC unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where the engine's tasks run; one daemon thread of its own unless set (and then closed with the engine). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public Builder delivery(DeliveryMode delivery) {
            this.delivery = Objects.requireNonNull(delivery, "delivery");
            return this;
        }

        /** Seeds the jitter; derived from the node's id unless set, so each node has its own rhythm. */
        public Builder seed(long seed) {
            this.seedOverride = seed;
            return this;
        }

        /**
         * A check that must pass for this node to trust its own view, such as the gateway: when it
         * fails, the node raises no DOWN from that cycle.
         */
        public Builder controlTarget(Probe controlTarget) {
            this.controlTarget = Objects.requireNonNull(controlTarget, "controlTarget");
            return this;
        }

        /** How hard deliveries are tried: attempts, backoff, when a failing channel is suspended. {@link DeliveryPolicy#ofDefaults()} unless set. */
        public Builder deliveryPolicy(DeliveryPolicy deliveryPolicy) {
            this.deliveryPolicy = Objects.requireNonNull(deliveryPolicy, "deliveryPolicy");
            return this;
        }

        /**
         * Makes {@code standby} the failover of {@code channel}: it gets the notifications that
         * {@code channel} gave up on, or that wait while {@code channel} is suspended, and
         * nothing else. Both are channel names (of {@code channel(...)} or of a notifier's {@code name()}).
         *
         * @throws IllegalArgumentException if {@code channel} has a standby already
         */
        public Builder failover(String channel, String standby) {
            Objects.requireNonNull(standby, "standby");
            if (standbys.putIfAbsent(Objects.requireNonNull(channel, "channel"), standby) != null) {
                throw new IllegalArgumentException("channel '" + channel + "' has a failover already");
            }
            return this;
        }

        /**
         * Who is told what: contacts, subscriptions, mutes, the on-call schedule and the
         * escalation policy. {@link Routing#none()} unless set: every channel gets every
         * notification. The channels it names are checked when the engine is built.
         */
        public Builder routing(Routing routing) {
            this.routing = Objects.requireNonNull(routing, "routing");
            return this;
        }

        /** Adds a maintenance window. */
        public Builder maintenance(MaintenanceWindow window) {
            maintenance.add(Objects.requireNonNull(window, "window"));
            return this;
        }

        /**
         * Builds the engine (not started).
         *
         * @throws IllegalStateException if something required is missing: naming what, and how to give it
         * @throws IllegalArgumentException if a channel's provider is unknown or its settings are invalid
         */
        public MonitorEngine build() {
            if (self == null) {
                throw new IllegalStateException("self is not set: call self(\"<node id>\")");
            }
            if (!members.containsKey(self)) {
                throw new IllegalStateException("self " + self + " is not among the members " + members.keySet()
                        + ": add it with member(...)");
            }
            if (!members.get(self).runsEngine()) {
                throw new IllegalStateException("self " + self + " is a member that runs no engine (watched only)");
            }
            if (transport == null) {
                throw new IllegalStateException("no transport: call transport(...) (the testkit's simulated network in tests)");
            }
            if (members.size() < 2) {
                LOG.warn("Node {} is alone in its ring: it has nobody to watch", self);
            }
            List<Notifier> all = new ArrayList<>(notifiers);
            if (!channels.isEmpty()) {
                NotifierProviders found = providers != null ? providers
                        : NotifierProviders.discover(Thread.currentThread().getContextClassLoader());
                Set<String> names = new HashSet<>();
                for (ChannelRequest channel : channels) {
                    if (!names.add(channel.name())) {
                        throw new IllegalArgumentException("channel '" + channel.name() + "' is configured twice");
                    }
                    all.add(channel.url() != null ? found.createFromUrl(channel.name(), channel.url())
                            : found.create(channel.provider(), channel.settings()));
                }
            }
            EventLog log = eventLog;
            if (log == null) {
                Path file = Path.of("ringwatch-events", self + ".jsonl");
                try {
                    log = JsonLinesEventLog.open(file);
                } catch (IOException failure) {
                    throw new UncheckedIOException("cannot open the event log " + file.toAbsolutePath()
                            + ": set another with eventLog(...)", failure);
                }
                LOG.info("Node {} writes its event log to {}", self, file.toAbsolutePath());
            }
            if (all.isEmpty()) {
                LOG.warn("No notifier is configured on {}: alerts only reach the event log and this log. See docs/notifiers.md", self);
            }
            long jitterSeed = seedOverride != null ? seedOverride : self.value().hashCode();
            return new MonitorEngine(this, all, log, jitterSeed);
        }
    }

}
