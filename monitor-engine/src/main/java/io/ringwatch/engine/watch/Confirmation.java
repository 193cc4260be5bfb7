package io.ringwatch.engine.watch;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.TargetReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks a target's other watchers to check it before this observer accuses it. A witness that
 * sees the target better than this observer does disputes the accusation (the fault is probably
 * this observer's own path); witnesses that see it as badly, or cannot be reached themselves,
 * confirm it. Thread-safe; never completes exceptionally.
 */
final class Confirmation {
    /** How a round ended. */
    enum Verdict {
        /** At least one witness answered, and none saw the target better. */
        CONFIRMED,
        /** There was nobody to ask. */
        ALONE,
        /** A witness saw the target better than this observer. */
        DISPUTED,
        /** Nobody answered: the witnesses are down too, or this observer is cut off. */
        UNANSWERED
    }

    /**
     * The outcome of a round.
     *
     * @param verdict how it ended
     * @param witness the witness that disputed, or null
     * @param theirs what that witness saw, or null
     * @param reports what every witness that answered knows of the target
     */
    record Outcome(Verdict verdict, NodeId witness, ProbeResult theirs, List<TargetReport> reports) {
    }

    private final PeerPoll poll;
    private final Duration timeout;

    Confirmation(PeerPoll poll, Duration timeout) {
        this.poll = poll;
        this.timeout = timeout;
    }

    /** Asks every witness to check {@code target}, and judges their answers against {@code own}. */
    CompletableFuture<Outcome> run(TargetId target, ProbeResult own, List<NodeId> witnesses) {
        if (witnesses.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(Verdict.ALONE, null, null, List.of()));
        }
        return poll.ask(witnesses, new PeerQuestion.CheckTarget(target), PeerAnswer.Checked.class, timeout)
                .thenApply(replies -> judge(own, replies));
    }

    private static Outcome judge(ProbeResult own, List<PeerPoll.Reply<PeerAnswer.Checked>> replies) {
        List<TargetReport> reports = new ArrayList<>();
        for (PeerPoll.Reply<PeerAnswer.Checked> reply : replies) {
            reply.answer().ifPresent(checked -> reports.add(checked.report()));
        }
        boolean anyTrusted = false;
        for (PeerPoll.Reply<PeerAnswer.Checked> reply : replies) {
            if (reply.answer().isEmpty() || reply.answer().get().report().selfSuspect()) {
                continue;
            }
            anyTrusted = true;
            ProbeResult theirs = reply.answer().get().result();
            if (theirs.status().compareTo(own.status()) < 0) {
                return new Outcome(Verdict.DISPUTED, reply.from(), theirs, reports);
            }
        }
        return new Outcome(anyTrusted ? Verdict.CONFIRMED : Verdict.UNANSWERED, null, null, reports);
    }
}
