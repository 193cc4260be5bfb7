package io.ringwatch.agent.node;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ChannelEntry;
import io.ringwatch.agent.config.ControlTarget;
import io.ringwatch.agent.config.MemberEntry;
import io.ringwatch.agent.config.NodeCheck;
import io.ringwatch.agent.config.ServiceEntry;
import io.ringwatch.api.Event;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Probe;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.endpoint.EndpointHandler;
import io.ringwatch.engine.endpoint.StatusEndpoint;
import io.ringwatch.engine.eventlog.EventCursor;
import io.ringwatch.engine.eventlog.EventFilter;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.HttpTransport;
import io.ringwatch.engine.probe.HttpFetcher;
import io.ringwatch.engine.probe.HttpProbe;
import io.ringwatch.engine.probe.PingProbe;
import io.ringwatch.engine.probe.TcpProbe;
import io.ringwatch.engine.statuspage.StatusPage;
import io.ringwatch.engine.statuspage.SummaryJson;
import io.ringwatch.engine.statuspage.UptimeHistory;
import io.ringwatch.engine.wire.WireProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node a config file describes, running: its engine checks its partners over HTTP and
 * TCP, and its status endpoint answers them. {@link #close()} stops it gracefully: the endpoint
 * stops answering, notifications under way are finished (up to the notifier timeout), and the
 * event log is flushed and closed. Thread-safe.
 */
public final class AgentNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentNode.class);

    private final AgentConfig config;
    private final MonitorEngine engine;
    private final StatusEndpoint endpoint;
    private final AtomicBoolean closing;

    private AgentNode(AgentConfig config, MonitorEngine engine, StatusEndpoint endpoint, AtomicBoolean closing) {
        this.config = config;
        this.engine = engine;
        this.endpoint = endpoint;
        this.closing = closing;
    }

    /**
     * Builds the node, binds its endpoint's address and starts watching.
     *
     * @throws IOException if the event log cannot be opened
     * @throws UncheckedIOException if the endpoint's address cannot be bound
     * @throws IllegalArgumentException if a channel's provider is unknown or its settings are invalid, or a
     *         contact has an address on a channel that cannot reach contacts
     */
    public static AgentNode start(AgentConfig config) throws IOException {
        // The address first: a port in use is the commonest failure, and nothing is open yet to close.
        StatusEndpoint endpoint = StatusEndpoint.bind(new InetSocketAddress(config.listenAddress(), config.listenPort()));
        try {
            return start(config, endpoint);
        } catch (IOException | RuntimeException failure) {
            endpoint.close();
            throw failure;
        }
    }

    private static AgentNode start(AgentConfig config, StatusEndpoint endpoint) throws IOException {
        Clock clock = Clock.systemUTC();
        HttpFetcher fetcher = HttpFetcher.create();
        HttpTransport transport = transport(config, fetcher);
        MonitorEngine.Builder builder = MonitorEngine.builder()
                .self(config.node())
                .members(members(config.members()))
                .ringOrder(config.ringOrder())
                .config(config.monitorConfig())
                .transport(transport);
        for (ChannelEntry channel : config.channels()) {
            if (channel.url().isPresent()) {
                builder.channelUrl(channel.name(), channel.url().get());
            } else {
                builder.channel(channel.provider(), channel.name(), channel.settings());
            }
            channel.failover().ifPresent(standby -> builder.failover(channel.name(), standby));
        }
        builder.deliveryPolicy(config.deliveryPolicy());
        builder.routing(config.routing().copy()); // the engine changes its routing as people subscribe and mute
        config.controlTarget().ifPresent(target -> builder.controlTarget(probe(target, fetcher, clock)));
        config.maintenance().forEach(builder::maintenance);
        JsonLinesEventLog log = eventLog(config);
        UptimeHistory history = UptimeHistory.create();
        MonitorEngine engine;
        try {
            engine = builder.eventLog(history.keeping(log)).build();
        } catch (RuntimeException invalid) {
            try {
                log.close();
            } catch (IOException closing) {
                invalid.addSuppressed(closing);
            }
            throw invalid;
        }
        Instant started = clock.instant();
        try {
            engine.start();
            EndpointHandler.Builder handler = EndpointHandler.builder(engine);
            config.secret().ifPresentOrElse(handler::secret, handler::insecure);
            StatusPage page = StatusPage.builder(engine, history)
                    .title(config.statusPage().title())
                    .refresh(config.statusPage().refresh())
                    .notes(config.statusPage().notes())
                    .peers((peer, timeout) -> transport.get(peer, WireProtocol.SUMMARY, timeout).thenApply(SummaryJson::decode))
                    .build();
            // Without a page of its own, the node still tells the pages of the others what it sees.
            if (config.statusPage().enabled()) {
                handler.statusPage(page);
            } else {
                handler.summariesOnly(page);
            }
            endpoint.serve(handler.build());
        } catch (RuntimeException failure) {
            engine.close();
            throw failure;
        }
        AtomicBoolean closing = new AtomicBoolean();
        readHistory(config, history, started, closing);
        return new AgentNode(config, engine, endpoint, closing);
    }

    /** The running engine. */
    public MonitorEngine engine() {
        return engine;
    }

    /** Where the status endpoint listens, with the port actually bound. */
    public InetSocketAddress endpointAddress() {
        return endpoint.address();
    }

    /** The config this node runs. */
    public AgentConfig config() {
        return config;
    }

    /** Stops answering, finishes notifications under way and flushes the event log. Idempotent. */
    @Override
    public void close() {
        closing.set(true);
        endpoint.close();
        engine.close();
    }

    static List<Member> members(List<MemberEntry> entries) {
        return entries.stream().map(entry -> new Member(entry.id(), entry.endpoint(),
                entry.services().stream().map(AgentNode::service).toList(), entry.nodeCheck() == NodeCheck.HTTP)).toList();
    }

    private static ServiceSpec service(ServiceEntry entry) {
        if (entry instanceof ServiceEntry.HttpService http) {
            return http.toServiceSpec();
        }
        ServiceEntry.TcpService tcp = (ServiceEntry.TcpService) entry;
        return ServiceSpec.probed(tcp.id().value(), TcpProbe.of(tcp.host(), tcp.port()));
    }

    private static HttpTransport transport(AgentConfig config, HttpFetcher fetcher) {
        HttpTransport.Builder transport = HttpTransport.builder(config.node()).fetcher(fetcher);
        config.secret().ifPresentOrElse(transport::secret, transport::insecure);
        return transport.build();
    }

    private static Probe probe(ControlTarget target, HttpFetcher fetcher, Clock clock) {
        if (target instanceof ControlTarget.Tcp tcp) {
            return TcpProbe.of(tcp.host(), tcp.port());
        }
        if (target instanceof ControlTarget.Ping ping) {
            return PingProbe.of(ping.host());
        }
        return HttpProbe.of(((ControlTarget.Http) target).url(), Expectation.ofDefaults(), fetcher, clock);
    }

    /**
     * Reads what the log holds from before this run into the status page's history, on a thread
     * of its own: a long log takes a while, and the page shows what is known meanwhile. It stops
     * reading once {@code closing} is set.
     */
    private static void readHistory(AgentConfig config, UptimeHistory history, Instant until, AtomicBoolean closing) {
        Path file = config.eventLog().path();
        Thread reader = new Thread(() -> {
            EventFilter filter = EventFilter.custom().kinds(UptimeHistory.KINDS).until(until).build();
            try (EventCursor cursor = EventCursor.open(file, filter)) {
                history.seed(() -> new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return !closing.get() && cursor.hasNext();
                    }

                    @Override
                    public Event next() {
                        return cursor.next().event();
                    }
                }, until);
                LOG.debug("The status page of {} read its history back from {}", config.node(), file);
            } catch (IOException | RuntimeException failure) {
                LOG.warn("The status page of {} could not read the event log back ({}): it shows only what this run saw",
                        config.node(), failure.toString());
            }
        }, "ringwatch-history-" + config.node());
        reader.setDaemon(true);
        reader.start();
    }

    private static JsonLinesEventLog eventLog(AgentConfig config) throws IOException {
        Path file = config.eventLog().path();
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        return JsonLinesEventLog.open(file, config.eventLog().config());
    }

    @Override
    public String toString() {
        return "AgentNode[" + config.node() + " at " + endpoint.uri() + "]";
    }

    /** This node's id. */
    public NodeId id() {
        return config.node();
    }
}
