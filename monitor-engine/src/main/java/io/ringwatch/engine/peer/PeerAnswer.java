package io.ringwatch.engine.peer;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import java.util.Objects;

/** What a node answers to a {@link PeerQuestion}. Immutable. */
public sealed interface PeerAnswer {

    /**
     * The answer to {@link PeerQuestion.Liveness}.
     *
     * @param health {@link Status#UP}, or {@link Status#DEGRADED} when the node distrusts its own view
     * @param reason why, on one line
     */
    record Alive(Status health, String reason) implements PeerAnswer {
        /** @throws NullPointerException if an argument is null */
        public Alive {
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The answer to {@link PeerQuestion.CheckTarget}.
     *
     * @param result what the asked node saw just now
     * @param report what it knows of the target
     */
    record Checked(ProbeResult result, TargetReport report) implements PeerAnswer {
        /** @throws NullPointerException if an argument is null */
        public Checked {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * The answer to {@link PeerQuestion.ReportOn}.
     *
     * @param report what the asked node knows of the target
     */
    record Reported(TargetReport report) implements PeerAnswer {
        /** @throws NullPointerException if {@code report} is null */
        public Reported {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * The answer to {@link PeerQuestion.Acknowledge}, {@link PeerQuestion.ChangeRouting} and
     * {@link PeerQuestion.RecordMessage}.
     *
     * @param hadIncident whether the asked node had an open incident for the target (for a
     *        routing change: whether it changed anything; for a message: whether it was written)
     */
    record Noted(boolean hadIncident) implements PeerAnswer {
    }
}
