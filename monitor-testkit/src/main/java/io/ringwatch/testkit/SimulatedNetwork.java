package io.ringwatch.testkit;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Probe;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.ServiceId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.peer.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The wires between simulated nodes: carries questions to the asked node's real engine and
 * serves service status URLs, applying the faults in force. A request that would time out
 * simply never completes; the asking engine's own timeout, in virtual time, does the rest.
 * Not thread-safe (the simulation runs on the test thread).
 */
final class SimulatedNetwork {
    /** What a healthy simulated service answers. */
    static final String HEALTHY_BODY = "{\"status\":\"UP\"}";
    private static final String HOST_SUFFIX = ".sim";
    private static final CompletionStage<ServiceResponse> HEALTHY =
            CompletableFuture.completedFuture(ServiceResponse.Received.of(200, HEALTHY_BODY, Duration.ZERO));

    private final Map<NodeId, SimulatedNode> nodes;
    private final Map<TargetId, Fault> serviceFaults = new HashMap<>();
    private final Set<Link> cut = new HashSet<>();
    private final Set<NodeId> isolated = new HashSet<>();
    private final Map<Link, Boolean> flapTurn = new HashMap<>();
    private final Map<URI, TargetId> servicesByUrl = new HashMap<>();

    private record Link(Object from, Object to) {
    }

    private final Duration latency;
    private long checks;
    private long questions;

    /**
     * @param latency how long every answer takes to come back; zero answers at once
     */
    SimulatedNetwork(Map<NodeId, SimulatedNode> nodes, Duration latency) {
        this.nodes = nodes;
        this.latency = latency;
    }

    /** The endpoint address of a simulated node. */
    static URI endpointOf(NodeId node) {
        return URI.create("sim://" + node + HOST_SUFFIX);
    }

    /** The status URL of a simulated service. */
    static String statusUrlOf(NodeId node, ServiceId service) {
        return "http://" + node + HOST_SUFFIX + "/" + service + "/health";
    }

    /** How {@code asker} reaches the rest of the farm. */
    /**
     * @param clock the asker's view of time for this life of it: answers that come late are
     *        delivered through it, so a node that crashed meanwhile never hears them
     */
    Transport transportFor(NodeId asker, NodeScheduler clock) {
        return new Transport() {
            @Override
            public CompletionStage<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout) {
                if (question instanceof PeerQuestion.Liveness) {
                    checks++;
                } else {
                    questions++;
                }
                return delayed(clock, deliver(asker, peer.id(), question));
            }

            @Override
            public CompletionStage<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
                checks++;
                return delayed(clock, serve(asker, statusUrl, clock));
            }
        };
    }

    /** Liveness checks and status URL fetches so far. */
    long checks() {
        return checks;
    }

    /** Other questions between nodes so far: confirmations, reports, acknowledgements. */
    long questions() {
        return questions;
    }

    void cut(NodeId from, NodeId to) {
        cut.add(new Link(from, to));
    }

    void isolate(NodeId node) {
        isolated.add(node);
    }

    void serviceFault(TargetId service, Fault fault) {
        serviceFaults.put(service, fault);
    }

    /** Clears every fault of a node's links, or of one service. */
    void heal(TargetId target) {
        if (target.isNode()) {
            isolated.remove(target.node());
            cut.removeIf(link -> link.from().equals(target.node()) || link.to().equals(target.node()));
            serviceFaults.keySet().removeIf(service -> service.node().equals(target.node()));
        } else {
            serviceFaults.remove(target);
        }
    }

    /**
     * A control target for {@code node}: a well-known address outside the farm (a gateway) that
     * answers unless the node is isolated.
     */
    Probe controlTargetFor(NodeId node) {
        return timeout -> isolated.contains(node) ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(ProbeResult.up(Duration.ZERO, "gateway answers"));
    }

    /** Whether {@code from} can reach {@code to} now, as far as cuts and isolation go. */
    boolean reaches(NodeId from, NodeId to) {
        return !blocked(from, to);
    }

    private boolean blocked(NodeId from, NodeId to) {
        if (isolated.isEmpty() && cut.isEmpty()) {
            return false;
        }
        return isolated.contains(from) || isolated.contains(to) || cut.contains(new Link(from, to));
    }

    private CompletionStage<PeerAnswer> deliver(NodeId asker, NodeId asked, PeerQuestion question) {
        SimulatedNode node = nodes.get(asked);
        if (node == null) {
            return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.DNS, asked + " is not in the farm"));
        }
        if (blocked(asker, asked) || node.isSilent()) {
            return new CompletableFuture<>();
        }
        if (node.refuses()) {
            return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.REFUSED, ""));
        }
        if (node.engine == null) { // a machine that runs no engine: a connection opens, nothing answers questions
            return question instanceof PeerQuestion.Liveness ? CompletableFuture.completedFuture(new PeerAnswer.Alive(Status.UP, ""))
                    : CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.OTHER, asked + " runs no engine"));
        }
        CompletableFuture<PeerAnswer> answer = node.engine.answer(asker, question).toCompletableFuture();
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            return answer;
        }
        return answer.exceptionally(failure -> {
            throw new PeerUnreachableException(NoAnswer.REFUSED, "engine not running");
        });
    }

    private CompletionStage<ServiceResponse> serve(NodeId asker, URI url, NodeScheduler clock) {
        TargetId service = servicesByUrl.computeIfAbsent(url, this::serviceAt);
        SimulatedNode node = service == null ? null : nodes.get(service.node());
        if (node == null) {
            return done(new ServiceResponse.NotReceived(NoAnswer.DNS, String.valueOf(url.getHost()), Duration.ZERO));
        }
        if (blocked(asker, node.id) || node.isSilent()) {
            return new CompletableFuture<>();
        }
        if (node.refuses()) {
            return done(new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", Duration.ZERO));
        }
        if (service.isNode()) {
            return done(ServiceResponse.Received.of(404, "no such service", Duration.ZERO));
        }
        Fault fault = serviceFaults.get(service);
        if (fault instanceof Fault.ServiceDown) {
            return done(new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", Duration.ZERO));
        }
        if (fault instanceof Fault.BadResponse bad) {
            return done(ServiceResponse.Received.of(bad.statusCode(), bad.body(), Duration.ZERO));
        }
        if (fault instanceof Fault.SlowResponse slow) {
            CompletableFuture<ServiceResponse> later = new CompletableFuture<>();
            clock.schedule(slow.latency(),
                    () -> later.complete(ServiceResponse.Received.of(200, HEALTHY_BODY, slow.latency())));
            return later;
        }
        if (fault instanceof Fault.Flapping) {
            boolean bad = flapTurn.merge(new Link(service, asker), true, (previous, ignored) -> !previous);
            if (bad) {
                return done(ServiceResponse.Received.of(503, "{\"status\":\"DOWN\"}", Duration.ZERO));
            }
        }
        return HEALTHY;
    }

    /** The service a status URL belongs to; the node alone if it hosts no such service; null if no such node. */
    private TargetId serviceAt(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        if (!host.endsWith(HOST_SUFFIX)) {
            return null;
        }
        SimulatedNode node = nodes.get(NodeId.of(host.substring(0, host.length() - HOST_SUFFIX.length())));
        if (node == null) {
            return null;
        }
        String[] path = url.getPath().split("/");
        return node.member.services().stream().filter(spec -> path.length >= 2 && spec.id().value().equals(path[1]))
                .findFirst().map(spec -> TargetId.service(node.id, spec.id())).orElse(TargetId.node(node.id));
    }

    /** The answer as the asker gets it: {@link #latency} after it was given. */
    private <T> CompletionStage<T> delayed(NodeScheduler clock, CompletionStage<T> answer) {
        if (latency.isZero()) {
            return answer;
        }
        CompletableFuture<T> arrived = new CompletableFuture<>();
        answer.whenComplete((value, failure) -> clock.schedule(latency, () -> {
            if (failure == null) {
                arrived.complete(value);
            } else {
                arrived.completeExceptionally(failure);
            }
        }));
        return arrived;
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
