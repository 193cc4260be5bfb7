package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notifier;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.endpoint.EndpointHandler;
import io.ringwatch.engine.endpoint.StatusEndpoint;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.HttpTransport;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One node of the loopback farm: an engine and its status endpoint on 127.0.0.1, talking real
 * HTTP to the others. It can be killed (the endpoint stops accepting at once, so its watchers
 * get connection refused, as after {@code kill -9}, and the engine stops) and booted again on the
 * same port with a fresh engine, as after a restart. Driven by one thread; not thread-safe.
 */
final class LoopbackNode {
    private static final int BIND_ATTEMPTS = 20;
    private static final long BIND_PAUSE_MILLIS = 50;

    private final NodeId id;
    private final long seed;
    private final int port;
    private StatusEndpoint endpoint;
    private MonitorEngine engine;

    private LoopbackNode(NodeId id, long seed, StatusEndpoint endpoint) {
        this.id = id;
        this.seed = seed;
        this.endpoint = endpoint;
        this.port = endpoint.address().getPort();
    }

    /** Takes a free loopback port for the node's endpoint (port 0), serving nothing yet. */
    static LoopbackNode reserve(String id, long seed) {
        return new LoopbackNode(NodeId.of(id), seed, StatusEndpoint.bind(Loopback.address(0)));
    }

    NodeId id() {
        return id;
    }

    /** The node as the farm knows it: its endpoint and no services, so only node liveness is watched. */
    Member member() {
        return Member.of(id.value(), "http://127.0.0.1:" + port);
    }

    /**
     * Builds and starts a fresh engine and serves it on the node's port, binding the port again if
     * the node was killed.
     *
     * @throws IllegalStateException if the node runs already
     * @throws UncheckedIOException if the port cannot be bound again within about a second
     * @throws InterruptedException if interrupted while waiting to bind again
     */
    void boot(List<Member> members, MonitorConfig config, String secret, Notifier notifier) throws InterruptedException {
        if (engine != null) {
            throw new IllegalStateException(id + " runs already");
        }
        if (endpoint == null) {
            endpoint = bindAgain();
        }
        engine = MonitorEngine.builder()
                .self(id)
                .members(members)
                .config(config)
                .transport(HttpTransport.builder(id).secret(secret).build())
                .notifier(notifier)
                .eventLog(new InMemoryEventLog())
                .seed(seed)
                .build();
        engine.start();
        endpoint.serve(EndpointHandler.builder(engine).secret(secret).build());
    }

    /**
     * Dies: the endpoint stops accepting connections first, then the engine stops.
     *
     * @throws IllegalStateException if the node is not running
     */
    void kill() {
        if (engine == null) {
            throw new IllegalStateException(id + " is not running");
        }
        endpoint.close();
        endpoint = null;
        MonitorEngine dying = engine;
        engine = null;
        dying.close();
    }

    /** The running engine, or null while the node is down. */
    MonitorEngine engine() {
        return engine;
    }

    /** Stops whatever runs. Idempotent. */
    void stop() {
        if (engine != null) {
            kill();
        } else if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    private StatusEndpoint bindAgain() throws InterruptedException {
        UncheckedIOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            try {
                return StatusEndpoint.bind(Loopback.address(port));
            } catch (UncheckedIOException busy) {
                last = busy;
                Thread.sleep(BIND_PAUSE_MILLIS);
            }
        }
        throw last;
    }
}
