package io.ringwatch.engine.statuspage;

import io.ringwatch.engine.membership.Member;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Where the status page gets the other nodes' summaries: over HTTP for an agent, in memory for a simulation. */
@FunctionalInterface
public interface SummarySource {
    /**
     * The summary of {@code peer}, within {@code timeout}; fails if the peer does not answer or
     * answers something else.
     */
    CompletionStage<NodeSummary> summaryOf(Member peer, Duration timeout);
}
