package io.ringwatch.engine.watch;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.peer.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private record Answer(NodeId witness, Optional<PeerAnswer.Checked> checked) {
    }

    private final Map<NodeId, Member> members;
    private final Transport transport;
    private final Timer timer;
    private final Duration timeout;

    Confirmation(Map<NodeId, Member> members, Transport transport, Timer timer, Duration timeout) {
        this.members = members;
        this.transport = transport;
        this.timer = timer;
        this.timeout = timeout;
    }

    /** Asks every witness to check {@code target}, and judges their answers against {@code own}. */
    CompletableFuture<Outcome> run(TargetId target, ProbeResult own, List<NodeId> witnesses) {
        if (witnesses.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(Verdict.ALONE, null, null, List.of()));
        }
        PeerQuestion question = new PeerQuestion.CheckTarget(target);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (NodeId witness : witnesses) {
            Member member = members.get(witness);
            answers.add(Timeouts.within(
                    () -> transport.ask(member, question, timeout).thenApply(answer -> new Answer(witness,
                            answer instanceof PeerAnswer.Checked checked ? Optional.of(checked) : Optional.empty())),
                    timeout, timer, () -> new Answer(witness, Optional.empty()),
                    failure -> new Answer(witness, Optional.empty())));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> judge(own, answers.stream().map(CompletableFuture::join).toList()));
    }

    private static Outcome judge(ProbeResult own, List<Answer> answers) {
        List<TargetReport> reports = new ArrayList<>();
        for (Answer answer : answers) {
            answer.checked().ifPresent(checked -> reports.add(checked.report()));
        }
        for (Answer answer : answers) {
            if (answer.checked().isEmpty() || answer.checked().get().report().selfSuspect()) {
                continue;
            }
            ProbeResult theirs = answer.checked().get().result();
            if (theirs.status().compareTo(own.status()) < 0) {
                return new Outcome(Verdict.DISPUTED, answer.witness(), theirs, reports);
            }
        }
        boolean anyTrusted = answers.stream()
                .anyMatch(answer -> answer.checked().isPresent() && !answer.checked().get().report().selfSuspect());
        return new Outcome(anyTrusted ? Verdict.CONFIRMED : Verdict.UNANSWERED, null, null, reports);
    }
}
