package io.ringwatch.testkit;

import io.ringwatch.api.Event;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import io.ringwatch.api.ServiceId;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.DeliveryMode;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MaintenanceWindow;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.dispatch.NotifierProviders;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.ring.RingOrder;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.statuspage.FarmStatus;
import io.ringwatch.testkit.notify.RecordingNotifier;
import io.ringwatch.testkit.time.FakeClock;
import io.ringwatch.testkit.time.VirtualTimeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A farm of real {@link MonitorEngine}s in virtual time: their checks and questions travel a
 * simulated network, their web services are simulated, and faults are injected at will. Script
 * the world, run it, then verify what was notified and logged:
 *
 * <pre>{@code
 * try (SimulatedCluster farm = SimulatedCluster.builder().nodes(5).build()) {
 *     farm.runFor(Duration.ofMinutes(5));
 *     farm.inject(Fault.crash("n3"));
 *     farm.runFor(Duration.ofMinutes(5));
 *     assertThat(farm.notifications()).hasExactlyOneAlertFor(TargetId.parse("n3"));
 * }
 * }</pre>
 *
 * <p>Every engine sends to one shared {@link RecordingNotifier}: the team's channel. Not
 * thread-safe: drive it from the test thread.
 */
public final class SimulatedCluster implements AutoCloseable {
    /** The service every node hosts unless told otherwise. */
    public static final String DEFAULT_SERVICE = "api";

    private final Builder settings;
    private final FakeClock clock;
    private final VirtualTimeScheduler scheduler;
    private final Map<NodeId, SimulatedNode> nodes = new LinkedHashMap<>();
    private final SimulatedNetwork network;
    private final RecordingNotifier channel;
    private final List<Member> members;
    private final List<MaintenanceWindow> maintenance = new ArrayList<>();
    private final List<MonitorEngine> crashedEngines = new ArrayList<>();

    private SimulatedCluster(Builder settings) {
        this.settings = settings;
        this.clock = settings.clock != null ? settings.clock : FakeClock.awkward();
        this.scheduler = VirtualTimeScheduler.on(clock);
        this.channel = new RecordingNotifier(settings.channelName);
        this.members = settings.layout.entrySet().stream()
                .map(entry -> member(entry.getKey(), entry.getValue(), !settings.watchedOnly.contains(entry.getKey()))).toList();
        members.forEach(member -> nodes.put(member.id(), new SimulatedNode(member)));
        this.network = new SimulatedNetwork(nodes, settings.latency);
        nodes.values().forEach(this::boot);
    }

    /** Starts a builder: five nodes, each hosting one service, with the engine's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The virtual clock every engine reads. */
    public FakeClock clock() {
        return clock;
    }

    /** The virtual-time scheduler every engine runs on. */
    public VirtualTimeScheduler scheduler() {
        return scheduler;
    }

    /** The team's channel: every notification any engine sent. */
    public RecordingNotifier notifications() {
        return channel;
    }

    /** The nodes, in ring order as configured. */
    public List<NodeId> nodes() {
        return List.copyOf(nodes.keySet());
    }

    /** The settings every engine runs with. */
    public MonitorConfig config() {
        return settings.config;
    }

    /**
     * The engine currently running on {@code node} (a fresh one after a crash and recovery).
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public MonitorEngine engine(String node) {
        SimulatedNode simulated = node(node);
        if (!simulated.member.runsEngine()) {
            throw new IllegalArgumentException("node " + node + " runs no engine: it is watched only");
        }
        return simulated.engine;
    }

    /** What the engine on {@code node} sees now. */
    public EngineView view(String node) {
        return engine(node).view();
    }

    /** The event log of {@code node}: every event its engines recorded, across restarts. */
    public InMemoryEventLog eventLog(String node) {
        return node(node).log;
    }

    /** Every event of every node, in time order. */
    public List<Event> events() {
        return nodes.values().stream().flatMap(node -> node.log.events().stream())
                .sorted(Comparator.comparing(Event::at)).toList();
    }

    /** How many checks (liveness asks and status URL fetches) the engines made so far. */
    public long checkCount() {
        return network.checks();
    }

    /** How many other questions the engines asked each other so far (confirmations, reports, acknowledgements). */
    public long questionCount() {
        return network.questions();
    }

    /** Injects a fault now. */
    public SimulatedCluster inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (fault instanceof Fault.Crash crash) {
            SimulatedNode node = node(crash.node().value());
            node.condition = SimulatedNode.Condition.CRASHED;
            node.scheduler.kill(); // nothing of this engine runs again, not even a late answer
            if (node.engine != null) {
                crashedEngines.add(node.engine);
            }
            node.ownChannels.forEach(SimulatedCluster::stopQuietly); // a killed process neither sends nor receives
        } else if (fault instanceof Fault.Hang hang) {
            SimulatedNode node = node(hang.node().value());
            node.condition = SimulatedNode.Condition.HUNG;
            node.scheduler.freeze();
        } else if (fault instanceof Fault.Pause pause) {
            SimulatedNode node = node(pause.node().value());
            node.condition = SimulatedNode.Condition.PAUSED;
            node.scheduler.freeze();
            scheduler.schedule(pause.duration(), () -> {
                if (node.condition == SimulatedNode.Condition.PAUSED) {
                    resume(node);
                }
            });
        } else if (fault instanceof Fault.Partition partition) {
            network.cut(node(partition.from().value()).id, node(partition.to().value()).id);
            if (partition.bothWays()) {
                network.cut(partition.to(), partition.from());
            }
        } else if (fault instanceof Fault.Isolation isolation) {
            network.isolate(node(isolation.node().value()).id);
        } else if (fault instanceof Fault.ServiceDown down) {
            network.serviceFault(service(down.service()), fault);
        } else if (fault instanceof Fault.BadResponse bad) {
            network.serviceFault(service(bad.service()), fault);
        } else if (fault instanceof Fault.SlowResponse slow) {
            network.serviceFault(service(slow.service()), fault);
        } else if (fault instanceof Fault.Flapping flapping) {
            network.serviceFault(service(flapping.service()), fault);
        } else if (fault instanceof Fault.Recovery recovery) {
            recover(recovery.target());
        } else {
            throw new IllegalArgumentException("unknown fault " + fault);
        }
        return this;
    }

    /** Scripts a fault for later: {@code after} from now, in virtual time. */
    public SimulatedCluster at(Duration after, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        scheduler.schedule(after, () -> inject(fault));
        return this;
    }

    /** Lets {@code duration} of virtual time pass, running everything that falls due. */
    public SimulatedCluster runFor(Duration duration) {
        scheduler.advance(duration);
        return this;
    }

    /** Gives every engine this maintenance window, engines restarted later included. */
    public SimulatedCluster scheduleMaintenance(MaintenanceWindow window) {
        maintenance.add(Objects.requireNonNull(window, "window"));
        for (SimulatedNode node : nodes.values()) {
            if (node.condition != SimulatedNode.Condition.CRASHED && node.engine != null) {
                node.engine.scheduleMaintenance(window);
            }
        }
        return this;
    }

    /**
     * Acknowledges the target's open incident on every engine that has one.
     *
     * @return whether any engine had an open incident for it
     */
    public boolean acknowledge(String target, String by, String note) {
        TargetId id = TargetId.parse(target);
        boolean any = false;
        for (SimulatedNode node : nodes.values()) {
            if (node.condition == SimulatedNode.Condition.RUNNING && node.engine != null) {
                any |= node.engine.acknowledge(id, by, note);
            }
        }
        return any;
    }

    /**
     * The farm's status page as {@code node} would serve it now: what each running node it can
     * reach knows, from its own event log, put together exactly as an agent's page does (the
     * worst state its watchers report, uptime over 90 days from one watcher's log, incidents
     * joined across watchers, the ring with who answered). Assert on it to test what the people
     * who use the farm would see after an outage.
     *
     * @throws IllegalArgumentException if there is no such node
     * @throws IllegalStateException if the node runs no engine or is crashed, hung or paused
     */
    public FarmStatus statusPage(String node) {
        return new SimulatedStatusPages(nodes, network, clock).shownBy(node(node));
    }

    /**
     * The longest it may take from a crash to its notification with these settings: a full
     * interval with jitter, the re-checks, a timeout, a round of questions and a handoff delay
     * per watcher ahead in the ring.
     */
    public Duration detectionWindow() {
        MonitorConfig config = settings.config;
        return config.interval().plus(config.interval().dividedBy(2))
                .plus(config.retryInterval().multipliedBy(config.confirmations()))
                .plus(config.timeout().multipliedBy(2))
                .plus(config.peerTimeout().multipliedBy(2))
                .plus(config.handoffPatience());
    }

    /** The ring and what each running node believes of its partners, one line per node. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (SimulatedNode node : nodes.values()) {
            text.append(node.id).append(' ').append(node.condition);
            if (node.engine == null) {
                text.append(" (runs no engine)");
            } else if (node.condition == SimulatedNode.Condition.RUNNING) {
                EngineView view = node.engine.view();
                text.append(view.health() == io.ringwatch.api.Status.UP ? "" : " (" + view.health() + ": " + view.healthReason() + ")")
                        .append(" watches ")
                        .append(view.targets().stream().filter(target -> target.target().isNode())
                                .map(target -> target.target() + "=" + target.status()).collect(Collectors.joining(" ")));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Closes every engine. */
    @Override
    public void close() {
        crashedEngines.forEach(MonitorEngine::close); // releases their threads, if they had any
        for (SimulatedNode node : nodes.values()) {
            if (node.condition != SimulatedNode.Condition.CRASHED && node.engine != null) {
                node.engine.close();
            }
        }
    }

    @Override
    public String toString() {
        return "SimulatedCluster at " + clock.instant() + "\n" + describe() + "notified:\n"
                + channel.notifications().stream().map(n -> "  " + n.observer() + " " + n.kind() + " " + n.headline())
                        .collect(Collectors.joining("\n"));
    }

    private SimulatedNode node(String id) {
        SimulatedNode node = nodes.get(NodeId.of(id));
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + " in this farm: " + nodes.keySet());
        }
        return node;
    }

    private TargetId service(TargetId service) {
        if (node(service.node().value()).member.service(service.service().orElseThrow()).isEmpty()) {
            throw new IllegalArgumentException("node " + service.node() + " hosts no service "
                    + service.service().orElseThrow() + ": it hosts " + node(service.node().value()).member.services());
        }
        return service;
    }

    private void recover(TargetId target) {
        network.heal(target);
        if (!target.isNode()) {
            return;
        }
        SimulatedNode node = node(target.node().value());
        if (node.condition == SimulatedNode.Condition.CRASHED) {
            boot(node);
        } else if (node.isSilent()) {
            resume(node);
        }
    }

    private void resume(SimulatedNode node) {
        node.condition = SimulatedNode.Condition.RUNNING;
        node.scheduler.thaw();
    }

    private void boot(SimulatedNode node) {
        node.condition = SimulatedNode.Condition.RUNNING;
        node.scheduler = new NodeScheduler(scheduler);
        if (!node.member.runsEngine()) {
            return; // a machine that is only watched: it answers connections, and nothing more
        }
        MonitorEngine.Builder builder = MonitorEngine.builder()
                .self(node.id)
                .members(members)
                .ringOrder(settings.ringOrder)
                .config(settings.config)
                .transport(network.transportFor(node.id, node.scheduler))
                .clock(clock)
                .scheduler(node.scheduler)
                .delivery(settings.delivery)
                .eventLog(node.log)
                .seed(settings.seed * 31 + node.id.value().hashCode())
                .notifier(sharedChannel());
        // Made here rather than by the engine, so that a crash can stop them as a kill would (their receivers too).
        node.ownChannels.clear();
        if (!settings.channels.isEmpty()) {
            NotifierProviders providers = NotifierProviders.discover(Thread.currentThread().getContextClassLoader());
            for (Builder.Channel channel : settings.channels) {
                Notifier made = providers.create(channel.provider(), NotifierSettings.of(channel.name(), channel.settings()));
                node.ownChannels.add(made);
                builder.notifier(made);
            }
        }
        settings.notifiers.forEach(notifier -> builder.notifier(shared(notifier)));
        builder.deliveryPolicy(settings.deliveryPolicy);
        settings.standbys.forEach(builder::failover);
        builder.routing(settings.routing.copy());
        maintenance.forEach(builder::maintenance);
        if (settings.controlTargets) {
            builder.controlTarget(network.controlTargetFor(node.id));
        }
        node.engine = builder.build();
        node.engine.start();
    }

    private Notifier sharedChannel() {
        return shared(channel);
    }

    private static void stopQuietly(Notifier channel) {
        try {
            channel.close();
        } catch (RuntimeException ignored) {
            // a channel that fails to close is as good as stopped for a crashed node
        }
    }

    /** A view of a notifier every engine sends to, that each may close without closing it for the others. */
    private static Notifier shared(Notifier notifier) {
        return new Notifier() {
            @Override
            public String name() {
                return notifier.name();
            }

            @Override
            public void send(Notification notification) throws Exception {
                notifier.send(notification);
            }

            @Override
            public boolean sendsToAddresses() {
                return notifier.sendsToAddresses();
            }

            @Override
            public Optional<String> addressProblem(String address) {
                return notifier.addressProblem(address);
            }

            @Override
            public void send(Notification notification, Recipient recipient) throws Exception {
                notifier.send(notification, recipient);
            }
        };
    }

    private static Member member(NodeId id, List<String> services, boolean runsEngine) {
        return new Member(id, SimulatedNetwork.endpointOf(id), services.stream()
                .map(service -> ServiceSpec.http(service, SimulatedNetwork.statusUrlOf(id, ServiceId.of(service))))
                .toList(), runsEngine);
    }

    /** Describes a simulated farm. Not thread-safe. */
    public static final class Builder {
        private final Map<NodeId, List<String>> layout = new LinkedHashMap<>();
        private final Set<NodeId> watchedOnly = new HashSet<>();
        private List<String> defaultServices = List.of(DEFAULT_SERVICE);
        private MonitorConfig config = MonitorConfig.ofDefaults();
        private RingOrder ringOrder = RingOrder.CONFIGURED;
        private DeliveryMode delivery = DeliveryMode.INLINE;
        private FakeClock clock;
        private long seed = 1;
        private Duration latency = Duration.ZERO;
        private String channelName = "team-chat";
        private final List<Channel> channels = new ArrayList<>();
        private final List<Notifier> notifiers = new ArrayList<>();
        private boolean controlTargets;
        private DeliveryPolicy deliveryPolicy = DeliveryPolicy.ofDefaults();
        private final Map<String, String> standbys = new LinkedHashMap<>();
        private Routing routing = Routing.none();
        private record Channel(String provider, String name, Map<String, String> settings) {
        }

        private Builder() {
        }

        /**
         * {@code count} nodes named {@code n1} to {@code nN}, each hosting {@value #DEFAULT_SERVICE};
         * five unless set.
         *
         * @throws IllegalArgumentException if {@code count} is less than 1
         */
        public Builder nodes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a farm needs at least one node, was " + count);
            }
            layout.clear();
            for (int i = 1; i <= count; i++) {
                layout.put(NodeId.of("n" + i), defaultServices);
            }
            return this;
        }

        /**
         * Adds a node hosting these services, in ring order.
         *
         * @throws IllegalArgumentException if the node is listed twice
         */
        public Builder node(String id, String... services) {
            if (layout.put(NodeId.of(id), List.of(services)) != null) {
                throw new IllegalArgumentException("node " + id + " is listed twice");
            }
            return this;
        }

        /**
         * Adds, in ring order, a machine that runs no engine but hosts these services: the nodes
         * before it check it (by a TCP connect, in a real farm) and its services, and it watches
         * nobody.
         *
         * @throws IllegalArgumentException if the node is listed twice
         */
        public Builder watchedOnlyNode(String id, String... services) {
            node(id, services);
            watchedOnly.add(NodeId.of(id));
            return this;
        }

        /** Every node made by {@link #nodes(int)}, before or after this call, hosts these services instead. */
        public Builder services(String... services) {
            List<String> replaced = defaultServices;
            defaultServices = List.of(services);
            layout.replaceAll((node, old) -> old == replaced ? defaultServices : old);
            return this;
        }

        /** The engines' settings. */
        public Builder config(MonitorConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** How many partners each node watches (K). */
        public Builder partners(int partners) {
            this.config = MonitorConfig.from(config).partners(partners).build();
            return this;
        }

        public Builder ringOrder(RingOrder ringOrder) {
            this.ringOrder = Objects.requireNonNull(ringOrder, "ringOrder");
            return this;
        }

        /** Inline by default, so every run is the same; {@link DeliveryMode#THREADS} to test real lanes. */
        public Builder delivery(DeliveryMode delivery) {
            this.delivery = Objects.requireNonNull(delivery, "delivery");
            return this;
        }

        /** The virtual clock; an awkward instant just before the Unix epoch unless set. */
        public Builder clock(FakeClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seeds the engines' jitter, so a different seed gives a different but repeatable run. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * How long every answer on the simulated network takes; zero unless set. With latency,
         * watchers' questions to each other overlap as they do on a real network.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + latency);
            }
            this.latency = latency;
            return this;
        }

        /** The name of the shared recording channel; {@code team-chat} unless set. */
        public Builder channelName(String name) {
            this.channelName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Gives every engine a channel from the provider with this id, found through {@link java.util.ServiceLoader}. */
        public Builder channel(String provider, String name, Map<String, String> settings) {
            channels.add(new Channel(provider, name, Map.copyOf(settings)));
            return this;
        }

        /** How hard every engine tries its deliveries; {@link DeliveryPolicy#ofDefaults()} unless set. */
        public Builder deliveryPolicy(DeliveryPolicy deliveryPolicy) {
            this.deliveryPolicy = Objects.requireNonNull(deliveryPolicy, "deliveryPolicy");
            return this;
        }

        /**
         * Makes {@code standby} the failover of {@code channel} on every engine: both are names of
         * channels or notifiers given to this builder.
         */
        public Builder failover(String channel, String standby) {
            standbys.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(standby, "standby"));
            return this;
        }

        /**
         * Who is told what, on every engine (each gets its own {@linkplain Routing#copy() copy}):
         * contacts with addresses on the channels given to this builder (the shared recording
         * channel is {@code team-chat} unless renamed), subscriptions, mutes, on-call and escalation.
         * {@link Routing#none()} unless set.
         */
        public Builder routing(Routing routing) {
            this.routing = Objects.requireNonNull(routing, "routing");
            return this;
        }

        /**
         * Gives every node a control target: a gateway outside the farm that answers unless the
         * node is isolated ({@link Fault.Isolation}).
         */
        public Builder withControlTargets() {
            this.controlTargets = true;
            return this;
        }

        /** Gives every engine this notifier too (one instance, shared, never closed by the engines). */
        public Builder notifier(Notifier notifier) {
            notifiers.add(Objects.requireNonNull(notifier, "notifier"));
            return this;
        }

        /** Builds the farm and starts every engine. */
        public SimulatedCluster build() {
            if (layout.isEmpty()) {
                nodes(5);
            }
            return new SimulatedCluster(this);
        }
    }
}
