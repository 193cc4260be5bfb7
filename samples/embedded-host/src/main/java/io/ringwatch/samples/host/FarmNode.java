package io.ringwatch.samples.host;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.endpoint.EndpointHandler;
import io.ringwatch.engine.endpoint.StatusEndpoint;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine of the demo farm, all on 127.0.0.1: the node's Ringwatch status endpoint, its
 * {@link OrdersApi}, and, while it runs, its engine. The two ports are taken when the node is
 * {@link #open opened} and kept across a {@link #crash}, so that the node comes back where its
 * partners look for it.
 *
 * <p>Its life: {@link #open} (ports bound, nothing answers peers yet), {@link #run} (the engine
 * starts and the endpoint answers with it), {@link #crash} (everything stops at once),
 * {@link #powerOn} (the same ports again), {@link #run} again with a fresh engine.
 *
 * <p>Not thread-safe: the demo drives it from one thread.
 */
final class FarmNode implements AutoCloseable {
    private static final Expectation ACTUATOR_UP = Expectation.custom().healthStatusUp().build();

    private final NodeId id;
    private final int endpointPort;
    private final int ordersPort;
    private Powered powered;
    private MonitorEngine engine;

    /** What listens while the machine is on; both stop together when it dies. */
    private record Powered(StatusEndpoint endpoint, OrdersApi ordersApi) {
        /** Binds the endpoint (serving nothing yet) and starts the orders-api; port 0 takes any free port. */
        static Powered on(int endpointPort, int ordersPort) {
            StatusEndpoint endpoint = StatusEndpoint.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpointPort));
            try {
                return new Powered(endpoint, OrdersApi.open(ordersPort));
            } catch (RuntimeException failure) {
                endpoint.close();
                throw failure;
            }
        }

        void off() {
            endpoint.close();
            ordersApi.close();
        }
    }

    private FarmNode(NodeId id, Powered powered) {
        this.id = id;
        this.powered = powered;
        endpointPort = powered.endpoint().address().getPort();
        ordersPort = powered.ordersApi().port();
    }

    /**
     * Binds a free loopback port for the node's status endpoint, and starts its orders-api on
     * another: the ports must be known before any engine is built, as the members list names them.
     *
     * @throws java.io.UncheckedIOException if a port cannot be bound
     * @throws NullPointerException if {@code id} is null
     */
    static FarmNode open(NodeId id) {
        return new FarmNode(Objects.requireNonNull(id, "id"), Powered.on(0, 0));
    }

    NodeId id() {
        return id;
    }

    /** The node as every engine's members list has it: its endpoint and its orders-api's status URL. */
    Member member() {
        return Member.of(id.value(), "http://127.0.0.1:" + endpointPort,
                ServiceSpec.http(OrdersApi.ID, "http://127.0.0.1:" + ordersPort + OrdersApi.HEALTH_PATH, ACTUATOR_UP));
    }

    /**
     * Starts {@code engine}, then answers peers with it on the node's endpoint, checking their
     * shared secret.
     *
     * @param engine this node's engine, built and not started
     * @param secret the secret every node of the farm shares
     * @throws IllegalStateException if the node is crashed or runs an engine already
     * @throws IllegalArgumentException if the engine is another node's, or the secret is too short
     * @throws NullPointerException if an argument is null
     */
    void run(MonitorEngine engine, String secret) {
        Objects.requireNonNull(secret, "secret");
        if (powered == null) {
            throw new IllegalStateException(id + " is crashed: power it on first");
        }
        if (this.engine != null) {
            throw new IllegalStateException(id + " runs an engine already");
        }
        if (!engine.self().equals(id)) {
            throw new IllegalArgumentException("the engine of " + engine.self() + " cannot run on " + id);
        }
        this.engine = engine;
        engine.start();
        powered.endpoint().serve(EndpointHandler.builder(engine).secret(secret).build());
    }

    /**
     * The machine dies: its endpoint and orders-api refuse connections at once, and its engine
     * closes (which closes its event log). Idempotent.
     */
    void crash() {
        if (powered != null) {
            powered.off();
            powered = null;
        }
        if (engine != null) {
            MonitorEngine dying = engine;
            engine = null;
            dying.close();
        }
    }

    /**
     * The machine is back, as after a reboot: its endpoint binds its old port again (serving
     * nothing until {@link #run}), and its orders-api answers healthy on its old port. Does
     * nothing if the node is not crashed.
     *
     * @throws java.io.UncheckedIOException if a port was taken meanwhile
     */
    void powerOn() {
        if (powered == null) {
            powered = Powered.on(endpointPort, ordersPort);
        }
    }

    /** The running engine; empty before {@link #run} and while crashed. */
    Optional<MonitorEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /**
     * The node's web service, to make it answer badly.
     *
     * @throws IllegalStateException if the node is crashed
     */
    OrdersApi ordersApi() {
        if (powered == null) {
            throw new IllegalStateException(id + " is crashed: its orders-api does not run");
        }
        return powered.ordersApi();
    }

    /** Stops everything, as {@link #crash} does. Idempotent. */
    @Override
    public void close() {
        crash();
    }

    @Override
    public String toString() {
        return "FarmNode[" + id + ", endpoint port " + endpointPort + ", orders-api port " + ordersPort
                + (powered == null ? ", crashed" : engine == null ? ", no engine" : ", running") + "]";
    }
}
