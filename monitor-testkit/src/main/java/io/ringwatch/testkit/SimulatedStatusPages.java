package io.ringwatch.testkit;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.statuspage.FarmStatus;
import io.ringwatch.engine.statuspage.NodeSummary;
import io.ringwatch.engine.statuspage.StatusPage;
import io.ringwatch.engine.statuspage.UptimeHistory;
import io.ringwatch.testkit.time.FakeClock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The status page of a simulated farm, made as a running agent's is: each node's summary comes
 * from its own event log, and the serving node hears only the nodes that run and that the
 * network lets it reach.
 */
final class SimulatedStatusPages {
    private final Map<NodeId, SimulatedNode> nodes;
    private final SimulatedNetwork network;
    private final FakeClock clock;

    SimulatedStatusPages(Map<NodeId, SimulatedNode> nodes, SimulatedNetwork network, FakeClock clock) {
        this.nodes = nodes;
        this.network = network;
        this.clock = clock;
    }

    /**
     * @throws IllegalStateException if the node runs no engine or is not running
     */
    FarmStatus shownBy(SimulatedNode serving) {
        if (!serving.member.runsEngine() || serving.condition != SimulatedNode.Condition.RUNNING) {
            throw new IllegalStateException("node " + serving.id + " serves no page: it "
                    + (serving.member.runsEngine() ? "is " + serving.condition.name().toLowerCase(Locale.ROOT)
                    : "runs no engine"));
        }
        return page(serving).peers((peer, timeout) -> summaryFor(serving, peer)).build().farmStatus().join();
    }

    private CompletionStage<NodeSummary> summaryFor(SimulatedNode serving, Member peer) {
        SimulatedNode asked = nodes.get(peer.id());
        if (asked == null || asked.engine == null || asked.condition != SimulatedNode.Condition.RUNNING
                || !network.reaches(serving.id, asked.id)) {
            return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.TIMEOUT, peer.id() + " does not answer"));
        }
        return CompletableFuture.completedFuture(page(asked).build().summary());
    }

    /** A page of the node's engine, with its history read from its whole log, as a restarted agent reads it. */
    private StatusPage.Builder page(SimulatedNode node) {
        UptimeHistory history = UptimeHistory.create();
        history.seed(node.log.events(), clock.instant().plusNanos(1));
        return StatusPage.builder(node.engine, history).clock(clock).cacheFor(Duration.ZERO);
    }
}
