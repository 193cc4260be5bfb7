package io.ringwatch.engine.watch;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Probe;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.peer.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Performs one check of a target over the transport and turns whatever happens (an answer, no
 * answer, an exception, a timeout) into a {@link ProbeResult}. Never completes exceptionally.
 * Thread-safe.
 */
final class Checks {
    private static final PeerQuestion LIVENESS = new PeerQuestion.Liveness();

    private final Map<NodeId, Member> members;
    private final Transport transport;
    private final Timer timer;
    private final Duration timeout;

    Checks(Map<NodeId, Member> members, Transport transport, Timer timer, Duration timeout) {
        this.members = members;
        this.transport = transport;
        this.timer = timer;
        this.timeout = timeout;
    }

    /** Checks a node (is it alive) or one of its services. */
    CompletableFuture<ProbeResult> check(TargetId target) {
        Member member = members.get(target.node());
        if (member == null) {
            return CompletableFuture.completedFuture(ProbeResult.down(Duration.ZERO, "not a member of this farm"));
        }
        if (target.isNode()) {
            return node(member);
        }
        Optional<ServiceSpec> service = member.service(target.service().orElseThrow());
        return service.map(this::service).orElseGet(() -> CompletableFuture.completedFuture(
                ProbeResult.down(Duration.ZERO, "node " + member.id() + " hosts no such service")));
    }

    /** Asks a node whether it is alive and trusts itself. */
    CompletableFuture<ProbeResult> node(Member member) {
        Instant started = timer.now();
        return Timeouts.within(
                () -> transport.ask(member, LIVENESS, timeout).thenApply(answer -> alive(answer, since(started))),
                timeout, timer, this::timedOut,
                failure -> ProbeResult.down(since(started), failure instanceof PeerUnreachableException unreachable
                        ? unreachable.getMessage() : transportFailure(failure)));
    }

    /** Whether any of {@code nodes} answers at all: proof that this observer is not cut off. */
    CompletableFuture<Boolean> anyAnswers(List<Member> nodes) {
        List<CompletableFuture<ProbeResult>> checks = nodes.stream().map(this::node).toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> checks.stream().anyMatch(check -> check.join().status() != Status.DOWN));
    }

    private static ProbeResult alive(PeerAnswer answer, Duration latency) {
        if (answer instanceof PeerAnswer.Alive alive) {
            return alive.health() == Status.UP ? ProbeResult.up(latency, "alive")
                    : ProbeResult.degraded(latency, "distrusts its own view: " + alive.reason());
        }
        return ProbeResult.degraded(latency, "answered liveness with " + answer.getClass().getSimpleName());
    }

    /** Checks a service: its status URL judged by its expectation, or its own probe. */
    CompletableFuture<ProbeResult> service(ServiceSpec service) {
        if (service.probe().isPresent()) {
            return probe(service.probe().get());
        }
        var expectation = service.expectation().orElseThrow();
        return Timeouts.within(() -> transport.fetch(service.statusUrl().orElseThrow(), timeout), timeout, timer,
                        () -> (ServiceResponse) new ServiceResponse.NotReceived(NoAnswer.TIMEOUT, after(), timeout),
                        failure -> new ServiceResponse.NotReceived(NoAnswer.OTHER, transportFailure(failure), Duration.ZERO))
                .thenApply(response -> expectation.classify(response, timer.now()));
    }

    /** Runs a user's probe, bounded by the timeout. */
    CompletableFuture<ProbeResult> probe(Probe probe) {
        Instant started = timer.now();
        return Timeouts.within(() -> probe.check(timeout), timeout, timer, this::timedOut,
                failure -> ProbeResult.down(since(started), describe(failure)));
    }

    private ProbeResult timedOut() {
        return ProbeResult.down(timeout, NoAnswer.TIMEOUT.reason() + " (" + after() + ")");
    }

    private String after() {
        return "after " + timeout.toMillis() + " ms";
    }

    private Duration since(Instant started) {
        Duration latency = Duration.between(started, timer.now());
        return latency.isNegative() ? Duration.ZERO : latency;
    }

    /**
     * A transport reports no answer as a result, not an exception: one that throws has a bug,
     * and its message may hold a URL with credentials, so only the class is told.
     */
    private static String transportFailure(Throwable failure) {
        return "transport failed: " + failure.getClass().getSimpleName();
    }

    /** A probe's failure, with its message: the {@code Probe} contract keeps secrets out of it. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + OneLine.of(message, 120));
    }
}
