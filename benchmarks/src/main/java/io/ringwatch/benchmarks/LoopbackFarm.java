package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.membership.Member;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * N engines on 127.0.0.1 watching each other over real HTTP with a shared secret, each
 * notifying into one {@link Arrivals}. Nodes can be killed and booted again on their ports.
 * Driven by one thread; not thread-safe. Close it to stop every node.
 */
final class LoopbackFarm implements AutoCloseable {
    /** How long the harness sleeps between two looks at the farm. */
    static final Duration POLL = Duration.ofMillis(10);

    private final List<LoopbackNode> nodes;
    private final List<Member> members;
    private final MonitorConfig config;
    private final String secret = newSecret();
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

    List<LoopbackNode> nodes() {
        return nodes;
    }

    Arrivals arrivals() {
        return arrivals;
    }

    /** Boots a fresh engine on {@code node}'s port. */
    void boot(LoopbackNode node) throws InterruptedException {
        node.boot(members, config, secret, arrivals.notifier(node.id()));
    }

    /**
     * Whether the farm is steady enough to kill a node in: every node runs, and every engine sees
     * every node it watches as UP and none of them flapping.
     */
    boolean isSteady() {
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

    /**
     * Polls {@code condition} every {@link #POLL} until it holds or {@code bound} has passed.
     *
     * @return whether it held in time
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean await(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    /** Stops every node. Idempotent. */
    @Override
    public void close() {
        nodes.forEach(LoopbackNode::stop);
    }

    private static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
