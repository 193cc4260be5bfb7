package io.ringwatch.samples.host;

import io.ringwatch.api.EventLog;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.membership.Member;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo's farm: one real {@link MonitorEngine} per member, all in this JVM, reaching each
 * other through a {@link LoopbackFarm}. Each engine notifies through the desk channel and keeps
 * a JSON-lines event log of its own. Not thread-safe: the demo drives it from one thread.
 */
final class DemoFarm implements AutoCloseable {

    private final List<Member> members;
    private final MonitorConfig config;
    private final Path eventLogs;
    private final String channel;
    private final Deliveries deliveries;
    private final LoopbackFarm network = new LoopbackFarm();
    private final Map<NodeId, MonitorEngine> engines = new LinkedHashMap<>();

    /**
     * @param eventLogs the directory of the event logs, one {@code <node>.jsonl} per node
     * @param channel the desk channel's name
     * @param deliveries told of every event, to follow what reached the channel
     */
    DemoFarm(List<Member> members, MonitorConfig config, Path eventLogs, String channel, Deliveries deliveries) {
        this.members = List.copyOf(members);
        this.config = config;
        this.eventLogs = eventLogs;
        this.channel = channel;
        this.deliveries = deliveries;
        this.members.forEach(network::host);
    }

    /** Builds and starts an engine for every member. */
    void startAll() throws IOException {
        for (Member member : members) {
            boot(member.id());
        }
    }

    /** The node's machine dies: nothing on it answers any more, and its engine stops. */
    void crash(NodeId node) {
        network.crash(node);
        stop(node);
    }

    /** The node comes back with a fresh engine, as after a reboot; its event log goes on. */
    void restart(NodeId node) throws IOException {
        boot(node);
    }

    /** Whether every running engine trusts itself and sees each of its partners and their services UP. */
    boolean everyNodeSeesItsPartnersUp() {
        return engines.values().stream().map(MonitorEngine::view).allMatch(view -> view.health() == Status.UP
                && view.watching().size() == config.partners()
                && !view.targets().isEmpty()
                && view.targets().stream().allMatch(target -> target.status() == Status.UP));
    }

    /** Who watches whom when every node is up: {@code n1 -> n2, n3}. */
    List<String> ring() {
        MonitorEngine any = engines.values().iterator().next();
        return any.ring().members().stream()
                .map(node -> node + " -> " + any.ring().watchList(node, none -> false).stream()
                        .map(NodeId::value).collect(Collectors.joining(", ")))
                .toList();
    }

    /** What each running engine sees now, one line per node, for when something did not happen in time. */
    List<String> describe() {
        return members.stream().map(member -> {
            MonitorEngine engine = engines.get(member.id());
            if (engine == null) {
                return member.id() + ": crashed";
            }
            EngineView view = engine.view();
            return member.id() + " (" + view.health() + ") sees " + view.targets().stream()
                    .map(target -> target.target() + "=" + target.status()).collect(Collectors.joining(" "));
        }).toList();
    }

    /** The event log file of {@code node}. */
    Path logFile(NodeId node) {
        return eventLogs.resolve(node + ".jsonl");
    }

    /** Closes every engine and its event log, then the network. */
    @Override
    public void close() {
        List.copyOf(engines.keySet()).forEach(this::stop);
        network.close();
    }

    private void boot(NodeId node) throws IOException {
        JsonLinesEventLog log = JsonLinesEventLog.open(logFile(node));
        MonitorEngine engine = newEngine(node, new TeeEventLog(log, deliveries));
        network.attach(engine);
        engines.put(node, engine);
        engine.start();
    }

    /** How a host app builds its engine: this is the part to copy. */
    private MonitorEngine newEngine(NodeId node, EventLog log) {
        return MonitorEngine.builder()
                .self(node)
                .members(members)
                .config(config)
                .transport(network.transportFor(node)) // the real HTTP transport, once it exists
                .channel(DeskNotifierProvider.ID, channel, Map.of()) // found through ServiceLoader by its id
                .eventLog(log)
                .build();
    }

    /** Closes the node's engine, which flushes and closes its event log. */
    private void stop(NodeId node) {
        MonitorEngine engine = engines.remove(node);
        if (engine != null) {
            engine.close();
        }
    }
}
