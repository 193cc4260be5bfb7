package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import java.util.List;

/**
 * What {@link DetectionLatency} kills nodes in: nodes on 127.0.0.1 that watch each other over
 * HTTP and report into one {@link Arrivals}. {@link LoopbackFarm} runs engines in this JVM;
 * {@link AgentFarm} runs an agent process per node. Driven by one thread; implementations need
 * not be thread-safe. Close it to stop every node.
 */
interface LatencyFarm extends AutoCloseable {

    /** The nodes, in order; {@link #kill} and {@link #boot} take an index into this list. */
    List<NodeId> nodes();

    /** Every notification the nodes sent, stamped on arrival. */
    Arrivals arrivals();

    /**
     * Whether the farm is steady enough to kill a node in: every node runs, and every node sees
     * every node it watches as UP and none of them flapping. Must not block for long: each look
     * is bounded by the implementation.
     */
    boolean isSteady();

    /**
     * Kills node {@code index} at once, as {@code kill -9} would.
     *
     * @throws IllegalStateException if the node is not running
     * @throws InterruptedException if interrupted while it dies
     */
    void kill(int index) throws InterruptedException;

    /**
     * Starts node {@code index} again on its port, as after a restart.
     *
     * @throws IllegalStateException if the node runs already
     * @throws InterruptedException if interrupted while starting it
     */
    void boot(int index) throws InterruptedException;

    /** Stops every node. Idempotent. */
    @Override
    void close();
}
