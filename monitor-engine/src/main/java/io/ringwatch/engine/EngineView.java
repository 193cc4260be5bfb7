package io.ringwatch.engine;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one engine sees at one moment: its own health, the nodes it watches, and what it
 * believes of each target. A snapshot: immutable, and not updated afterwards.
 *
 * @param self the engine's node
 * @param health {@link Status#UP}, or {@link Status#DEGRADED} while the engine distrusts its own view
 * @param healthReason why it distrusts its view, or empty
 * @param watching the nodes it checks, in ring order
 * @param targets what it believes of each node and service it checks
 */
public record EngineView(NodeId self, Status health, String healthReason, List<NodeId> watching, List<TargetView> targets) {

    /** @throws NullPointerException if an argument is null */
    public EngineView {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(healthReason, "healthReason");
        watching = List.copyOf(watching);
        targets = List.copyOf(targets);
    }

    /** What the engine believes of {@code target}, if it checks it. */
    public Optional<TargetView> target(TargetId target) {
        return targets.stream().filter(view -> view.target().equals(target)).findFirst();
    }

    /** The confirmed status of {@code target}, or {@link Status#UNKNOWN} if the engine does not check it. */
    public Status statusOf(TargetId target) {
        return target(target).map(TargetView::status).orElse(Status.UNKNOWN);
    }

    /**
     * What the engine believes of one target.
     *
     * @param target the node or service
     * @param status its confirmed status
     * @param since when that status began, or null while unknown
     * @param lastReason the reason given by the last check
     * @param flapping whether it is flapping
     * @param incidentKey the open incident, or null
     * @param acknowledged whether someone acknowledged the open incident
     */
    public record TargetView(TargetId target, Status status, Instant since, String lastReason, boolean flapping,
            String incidentKey, boolean acknowledged) {
    }
}
