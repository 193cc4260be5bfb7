package io.ringwatch.samples.host;

import io.ringwatch.api.EventLog;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.HttpTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's farm: one {@link FarmNode} per node, all in this JVM, each with a real
 * {@link MonitorEngine} that talks to the others over HTTP on 127.0.0.1, through its status
 * endpoint and the {@link HttpTransport}, with a secret the farm shares. Each engine notifies
 * through the desk channel and keeps a JSON-lines event log of its own. Not thread-safe: the
 * demo drives it from one thread.
 */
final class DemoFarm implements AutoCloseable {

    private final MonitorConfig config;
    private final Path eventLogs;
    private final String channel;
    private final Deliveries deliveries;
    private final String secret = newSecret();
    private final Map<NodeId, FarmNode> nodes = new LinkedHashMap<>();
    private final List<Member> members;

    /**
     * Opens every node: each takes its two loopback ports now, so that the members list can name them.
     *
     * @param ids the nodes, in ring order
     * @param eventLogs the directory of the event logs, one {@code <node>.jsonl} per node
     * @param channel the desk channel's name
     * @param deliveries told of every event, to follow what reached the channel
     * @throws java.io.UncheckedIOException if a port cannot be bound (the nodes opened so far are closed)
     */
    DemoFarm(List<NodeId> ids, MonitorConfig config, Path eventLogs, String channel, Deliveries deliveries) {
        this.config = config;
        this.eventLogs = eventLogs;
        this.channel = channel;
        this.deliveries = deliveries;
        try {
            ids.forEach(id -> nodes.put(id, FarmNode.open(id)));
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
        this.members = nodes.values().stream().map(FarmNode::member).toList();
    }

    /** Builds and starts an engine for every node. */
    void startAll() throws IOException {
        for (FarmNode node : nodes.values()) {
            boot(node);
        }
    }

    /** The node's machine dies: its endpoint and orders-api refuse connections, and its engine stops. */
    void crash(NodeId node) {
        node(node).crash();
    }

    /** The node comes back on the same ports with a fresh engine, as after a reboot; its event log goes on. */
    void restart(NodeId node) throws IOException {
        FarmNode restarting = node(node);
        restarting.powerOn();
        boot(restarting);
    }

    /**
     * The node's orders-api, to make it answer badly.
     *
     * @throws IllegalStateException if the node is crashed
     */
    OrdersApi ordersApi(NodeId node) {
        return node(node).ordersApi();
    }

    /** Whether every running engine trusts itself and sees each of its partners and their services UP. */
    boolean everyNodeSeesItsPartnersUp() {
        return engines().map(MonitorEngine::view).allMatch(view -> view.health() == Status.UP
                && view.watching().size() == config.partners()
                && !view.targets().isEmpty()
                && view.targets().stream().allMatch(target -> target.status() == Status.UP));
    }

    /** Who watches whom when every node is up: {@code n1 -> n2, n3}. */
    List<String> ring() {
        MonitorEngine any = engines().findFirst().orElseThrow(() -> new IllegalStateException("no engine runs"));
        return any.ring().members().stream()
                .map(node -> node + " -> " + any.ring().watchList(node, none -> false).stream()
                        .map(NodeId::value).collect(Collectors.joining(", ")))
                .toList();
    }

    /** Where each node answers, one line per node: its status endpoint and its orders-api's status URL. */
    List<String> addresses() {
        return members.stream().map(member -> member.id() + ": endpoint " + member.endpoint() + ", " + OrdersApi.ID + " "
                + member.services().get(0).statusUrl().map(Object::toString).orElse("?")).toList();
    }

    /** What each running engine sees now, one line per node, for when something did not happen in time. */
    List<String> describe() {
        return nodes.values().stream().map(node -> node.engine().map(engine -> {
            EngineView view = engine.view();
            return node.id() + " (" + view.health() + ") sees " + view.targets().stream()
                    .map(target -> target.target() + "=" + target.status()).collect(Collectors.joining(" "));
        }).orElse(node.id() + ": crashed")).toList();
    }

    /** The event log file of {@code node}. */
    Path logFile(NodeId node) {
        return eventLogs.resolve(node + ".jsonl");
    }

    /** Stops every node: its endpoint, its orders-api, and its engine with its event log. Idempotent. */
    @Override
    public void close() {
        nodes.values().forEach(FarmNode::close);
    }

    private void boot(FarmNode node) throws IOException {
        JsonLinesEventLog log = JsonLinesEventLog.open(logFile(node.id()));
        MonitorEngine engine;
        try {
            engine = newEngine(node.id(), new TeeEventLog(log, deliveries));
        } catch (RuntimeException failure) {
            log.close();
            throw failure;
        }
        node.run(engine, secret);
    }

    /** How a host app builds its engine: this is the part to copy. */
    private MonitorEngine newEngine(NodeId node, EventLog log) {
        return MonitorEngine.builder()
                .self(node)
                .members(members)
                .config(config)
                .transport(HttpTransport.builder(node).secret(secret).build()) // asks peers' endpoints, fetches status URLs
                .channel(DeskNotifierProvider.ID, channel, Map.of()) // found through ServiceLoader by its id
                .eventLog(log)
                .build();
    }

    private Stream<MonitorEngine> engines() {
        return nodes.values().stream().map(FarmNode::engine).flatMap(Optional::stream);
    }

    private FarmNode node(NodeId id) {
        FarmNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("node " + id + " is not on the farm");
        }
        return node;
    }

    /** A fresh secret for the farm's run: in production it comes from your secret store, the same on every node. */
    private static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
