package io.ringwatch.testkit;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong in a {@link SimulatedCluster}: a node that crashes or hangs, an
 * observer that pauses, a network that splits, a service that answers badly, slowly or on and
 * off, and the recovery from all of it. Inject one with {@link SimulatedCluster#inject(Fault)},
 * or script it for later with {@link SimulatedCluster#at(Duration, Fault)}. Immutable.
 */
public sealed interface Fault {

    /** The machine dies: its engine stops and every connection to it is refused, services included. */
    record Crash(NodeId node) implements Fault {
        public Crash {
            Objects.requireNonNull(node, "node");
        }
    }

    /** The machine freezes: its engine stops running and nothing it hosts answers, until recovery. */
    record Hang(NodeId node) implements Fault {
        public Hang {
            Objects.requireNonNull(node, "node");
        }
    }

    /**
     * The observer's process stops for a while (a long GC pause, a suspended VM) and then goes on
     * as if nothing happened: its tasks run late and nothing it hosts answers meanwhile.
     */
    record Pause(NodeId node, Duration duration) implements Fault {
        public Pause {
            Objects.requireNonNull(node, "node");
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("a pause must last, was " + duration);
            }
        }
    }

    /**
     * Connections from {@code from} to {@code to} (its node endpoint and its services) time out;
     * with {@code bothWays}, those from {@code to} to {@code from} too.
     */
    record Partition(NodeId from, NodeId to, boolean bothWays) implements Fault {
        public Partition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("a node cannot be partitioned from itself: " + from);
            }
        }
    }

    /** Every connection between this node and every other node times out, both ways. */
    record Isolation(NodeId node) implements Fault {
        public Isolation {
            Objects.requireNonNull(node, "node");
        }
    }

    /** Nothing listens at the service's status URL: connections are refused. */
    record ServiceDown(TargetId service) implements Fault {
        public ServiceDown {
            requireService(service);
        }
    }

    /** The service answers with this status code and body. */
    record BadResponse(TargetId service, int statusCode, String body) implements Fault {
        public BadResponse {
            requireService(service);
            Objects.requireNonNull(body, "body");
        }
    }

    /** The service answers well, but only after {@code latency}. */
    record SlowResponse(TargetId service, Duration latency) implements Fault {
        public SlowResponse {
            requireService(service);
            Objects.requireNonNull(latency, "latency");
        }
    }

    /** The service answers well and badly in turn: each observer sees bad, good, bad, good... */
    record Flapping(TargetId service) implements Fault {
        public Flapping {
            requireService(service);
        }
    }

    /**
     * Everything wrong with the target is over: a node is restarted (a fresh engine, if it had
     * crashed), resumed and reconnected; a service answers well again.
     */
    record Recovery(TargetId target) implements Fault {
        public Recovery {
            Objects.requireNonNull(target, "target");
        }
    }

    /** {@code n3} crashes. */
    static Fault crash(String node) {
        return new Crash(NodeId.of(node));
    }

    /** {@code n3} freezes. */
    static Fault hang(String node) {
        return new Hang(NodeId.of(node));
    }

    /** {@code n1} stops for {@code duration}, then goes on. */
    static Fault pause(String node, Duration duration) {
        return new Pause(NodeId.of(node), duration);
    }

    /** {@code a} and {@code b} cannot reach each other. */
    static Fault partition(String a, String b) {
        return new Partition(NodeId.of(a), NodeId.of(b), true);
    }

    /** {@code from} cannot reach {@code to}; {@code to} still reaches {@code from}. */
    static Fault oneWayPartition(String from, String to) {
        return new Partition(NodeId.of(from), NodeId.of(to), false);
    }

    /** {@code node} is cut off from every other node. */
    static Fault isolate(String node) {
        return new Isolation(NodeId.of(node));
    }

    /** {@code n3/orders-api} refuses connections. */
    static Fault serviceDown(String service) {
        return new ServiceDown(TargetId.parse(service));
    }

    /** {@code n3/orders-api} answers {@code statusCode} with {@code body}. */
    static Fault badResponse(String service, int statusCode, String body) {
        return new BadResponse(TargetId.parse(service), statusCode, body);
    }

    /** {@code n3/orders-api} answers after {@code latency}. */
    static Fault slowResponse(String service, Duration latency) {
        return new SlowResponse(TargetId.parse(service), latency);
    }

    /** {@code n3/orders-api} answers well and badly in turn. */
    static Fault flapping(String service) {
        return new Flapping(TargetId.parse(service));
    }

    /** Everything wrong with {@code n3} or {@code n3/orders-api} is over. */
    static Fault recovery(String target) {
        return new Recovery(TargetId.parse(target));
    }

    private static void requireService(TargetId service) {
        Objects.requireNonNull(service, "service");
        if (service.isNode()) {
            throw new IllegalArgumentException("expected a service such as n3/orders-api, got node " + service);
        }
    }
}
