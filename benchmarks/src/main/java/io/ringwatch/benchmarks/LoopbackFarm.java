package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.membership.Member;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * N engines in this JVM on 127.0.0.1 watching each other over real HTTP with a shared secret,
 * each notifying into one {@link Arrivals}. Nodes can be killed and booted again on their ports.
 * Driven by one thread; not thread-safe. Close it to stop every node.
 */
final class LoopbackFarm implements LatencyFarm {
    private final List<LoopbackNode> nodes;
    private final List<Member> members;
    private final MonitorConfig config;
    private final String secret = Loopback.newSecret();
    private final Arrivals arrivals = new Arrivals();

    private LoopbackFarm(List<LoopbackNode> nodes, MonitorConfig config) {
        this.nodes = nodes;
        this.members = nodes.stream().map(LoopbackNode::member).toList();
        this.config = config;
    }

    /**
     * Reserves a port per node and boots every engine.
     *
     * @param seed each node's jitter is seeded with {@code seed} plus its index
     * @throws InterruptedException if interrupted while booting
     */
    static LoopbackFarm start(int size, MonitorConfig config, long seed) throws InterruptedException {
        List<LoopbackNode> nodes = IntStream.rangeClosed(1, size).mapToObj(i -> LoopbackNode.reserve("n" + i, seed + i)).toList();
        LoopbackFarm farm = new LoopbackFarm(nodes, config);
        try {
            for (LoopbackNode node : nodes) {
                farm.boot(node);
            }
        } catch (RuntimeException | InterruptedException failure) {
            farm.close();
            throw failure;
        }
        return farm;
    }

    @Override
    public List<NodeId> nodes() {
        return nodes.stream().map(LoopbackNode::id).toList();
    }

    @Override
    public Arrivals arrivals() {
        return arrivals;
    }

    /** Its endpoint refuses connections at once, then its engine stops. */
    @Override
    public void kill(int index) {
        nodes.get(index).kill();
    }

    /** Boots a fresh engine on the node's port. */
    @Override
    public void boot(int index) throws InterruptedException {
        boot(nodes.get(index));
    }

    private void boot(LoopbackNode node) throws InterruptedException {
        node.boot(members, config, secret, arrivals.notifier(node.id()));
    }

    @Override
    public boolean isSteady() {
        for (LoopbackNode node : nodes) {
            MonitorEngine engine = node.engine();
            if (engine == null) {
                return false;
            }
            EngineView view = engine.view();
            for (NodeId watched : view.watching()) {
                Optional<EngineView.TargetView> seen = view.target(TargetId.node(watched));
                if (seen.isEmpty() || seen.get().status() != Status.UP || seen.get().flapping()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        nodes.forEach(LoopbackNode::stop);
    }
}
