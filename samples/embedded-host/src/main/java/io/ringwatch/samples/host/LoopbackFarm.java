package io.ringwatch.samples.host;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.peer.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * <b>A demo stand-in for the network</b>, until Ringwatch's HTTP transport exists: several
 * engines in one JVM, in real time, reach each other through this farm instead of through
 * sockets. Do not run it in production: it monitors nothing real.
 *
 * <ul>
 *   <li>A question to a node ({@link Transport#ask}) goes to that node's attached engine's
 *       {@link MonitorEngine#answer}; each farm hands out one {@link Transport} per node, so the
 *       asked engine knows who asks.</li>
 *   <li>A service's status URL ({@link Transport#fetch}) is answered by a fake web service in
 *       this JVM: {@code 200 {"status":"UP"}} unless told otherwise with
 *       {@link #serviceAnswers}.</li>
 *   <li>A {@link #crash crashed} node answers nothing: questions to it fail with
 *       {@code connection refused}, and so do its services, until an engine is
 *       {@link #attach attached} for it again.</li>
 * </ul>
 *
 * <p>Questions and answers travel on the farm's own threads, as they would over a network: an
 * engine asks while holding its own lock, so calling the other engine on the same thread could
 * deadlock two engines asking each other at once.
 *
 * <p>Thread-safe: engines call it from their own scheduler threads. Close it when the engines
 * are closed.
 */
public final class LoopbackFarm implements AutoCloseable {
    /** What a healthy fake service answers: a Spring Boot Actuator style health body. */
    public static final String HEALTHY_BODY = "{\"status\":\"UP\"}";

    private static final ServiceResponse REFUSED = new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", Duration.ZERO);

    private final Map<NodeId, MonitorEngine> engines = new ConcurrentHashMap<>();
    private final Set<NodeId> nodes = ConcurrentHashMap.newKeySet();
    private final Set<NodeId> crashed = ConcurrentHashMap.newKeySet();
    private final Map<URI, FakeService> services = new ConcurrentHashMap<>();
    private final ExecutorService wire;

    private record FakeService(NodeId host, Supplier<ServiceResponse> answer) {
    }

    /** A farm with no nodes yet, whose wire runs on two daemon threads. */
    public LoopbackFarm() {
        AtomicInteger count = new AtomicInteger();
        wire = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "loopback-wire-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Adds a node: its services' status URLs answer {@link #HEALTHY_BODY} with 200 from now on,
     * and questions to it are refused until an engine is {@link #attach attached} for it.
     *
     * @throws IllegalArgumentException if a service's status URL is served already
     * @throws NullPointerException if {@code member} is null
     */
    public void host(Member member) {
        nodes.add(member.id());
        for (ServiceSpec service : member.services()) {
            URI url = service.statusUrl().orElseThrow(() -> new IllegalArgumentException(
                    "node " + member.id() + ": service " + service.id() + " has no status URL to serve"));
            FakeService healthy = new FakeService(member.id(), () -> ServiceResponse.Received.of(200, HEALTHY_BODY, Duration.ZERO));
            if (services.putIfAbsent(url, healthy) != null) {
                throw new IllegalArgumentException("status URL of " + member.id() + "/" + service.id() + " is served already");
            }
        }
    }

    /**
     * Makes the fake service at {@code statusUrl} answer what {@code answer} gives from now on,
     * such as a 503, while its node runs.
     *
     * @throws IllegalArgumentException if no hosted node serves this URL
     * @throws NullPointerException if an argument is null
     */
    public void serviceAnswers(URI statusUrl, Supplier<ServiceResponse> answer) {
        Objects.requireNonNull(answer, "answer");
        services.compute(Objects.requireNonNull(statusUrl, "statusUrl"), (url, service) -> {
            if (service == null) {
                throw new IllegalArgumentException("no hosted node serves " + url);
            }
            return new FakeService(service.host(), answer);
        });
    }

    /**
     * How {@code node}'s engine reaches the farm: give it to that engine's builder.
     *
     * @throws NullPointerException if {@code node} is null
     */
    public Transport transportFor(NodeId node) {
        NodeId asker = Objects.requireNonNull(node, "node");
        return new Transport() {
            @Override
            public CompletionStage<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout) {
                return carry(asker, peer.id(), question);
            }

            @Override
            public CompletionStage<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
                return CompletableFuture.completedFuture(serve(statusUrl));
            }
        };
    }

    /**
     * From now on {@code engine} answers for its node (its {@link MonitorEngine#self()}); a
     * crashed node runs again. Attach before {@link MonitorEngine#start()}: until the engine has
     * started, its node refuses questions.
     *
     * @throws IllegalArgumentException if the engine's node was not {@link #host hosted}
     * @throws NullPointerException if {@code engine} is null
     */
    public void attach(MonitorEngine engine) {
        NodeId node = engine.self();
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException("node " + node + " is not hosted on this farm: call host(member) first");
        }
        engines.put(node, engine);
        crashed.remove(node);
    }

    /**
     * The node's machine dies: from now on questions to it and fetches of its services are
     * refused. Its engine is detached; closing it is up to the caller, as the process would
     * have died with the machine.
     *
     * @throws IllegalArgumentException if the node was not {@link #host hosted}
     * @throws NullPointerException if {@code node} is null
     */
    public void crash(NodeId node) {
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException("node " + node + " is not hosted on this farm");
        }
        crashed.add(node);
        engines.remove(node);
    }

    /** Stops the wire's threads; questions asked afterwards fail at once. Idempotent. */
    @Override
    public void close() {
        wire.shutdownNow();
    }

    @Override
    public String toString() {
        return "LoopbackFarm[nodes=" + nodes + ", crashed=" + crashed + "]";
    }

    /** Takes the question to the asked engine and its answer back, each on the wire's threads. */
    private CompletionStage<PeerAnswer> carry(NodeId asker, NodeId asked, PeerQuestion question) {
        CompletableFuture<PeerAnswer> reply = new CompletableFuture<>();
        try {
            wire.execute(() -> deliver(asker, asked, question).whenComplete((answer, failure) -> {
                try {
                    wire.execute(() -> settle(reply, answer, failure));
                } catch (RejectedExecutionException closed) {
                    reply.completeExceptionally(new PeerUnreachableException(NoAnswer.OTHER, "the loopback farm is closed"));
                }
            }));
        } catch (RejectedExecutionException closed) {
            reply.completeExceptionally(new PeerUnreachableException(NoAnswer.OTHER, "the loopback farm is closed"));
        }
        return reply;
    }

    private CompletionStage<PeerAnswer> deliver(NodeId asker, NodeId asked, PeerQuestion question) {
        if (!nodes.contains(asked)) {
            return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.DNS, asked + " is not on the farm"));
        }
        MonitorEngine engine = crashed.contains(asked) ? null : engines.get(asked);
        if (engine == null) {
            return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.REFUSED, ""));
        }
        try {
            return engine.answer(asker, question);
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static void settle(CompletableFuture<PeerAnswer> reply, PeerAnswer answer, Throwable failure) {
        if (failure == null) {
            reply.complete(answer);
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            // An engine that is not running (not started yet, or closed) is like a port nobody listens on.
            reply.completeExceptionally(cause instanceof PeerUnreachableException unreachable ? unreachable
                    : new PeerUnreachableException(NoAnswer.REFUSED, ""));
        }
    }

    private ServiceResponse serve(URI statusUrl) {
        FakeService service = services.get(statusUrl);
        if (service == null) {
            return new ServiceResponse.NotReceived(NoAnswer.DNS, String.valueOf(statusUrl.getHost()), Duration.ZERO);
        }
        return crashed.contains(service.host()) ? REFUSED : service.answer().get();
    }
}
