package io.ringwatch.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What is checked: a node itself, or one service on a node. Written {@code n3} for a node
 * and {@code n3/orders-api} for a service.
 */
public final class TargetId implements Comparable<TargetId> {
    private final NodeId node;
    private final ServiceId service;

    private TargetId(NodeId node, ServiceId service) {
        this.node = Objects.requireNonNull(node, "node");
        this.service = service;
    }

    /**
     * Returns the target for a node itself.
     *
     * @throws NullPointerException if {@code node} is null
     */
    public static TargetId node(NodeId node) {
        return new TargetId(node, null);
    }

    /**
     * Returns the target for a service on a node.
     *
     * @throws NullPointerException if an argument is null
     */
    public static TargetId service(NodeId node, ServiceId service) {
        return new TargetId(node, Objects.requireNonNull(service, "service"));
    }

    /**
     * Reads {@code n3} or {@code n3/orders-api}.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static TargetId parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            return node(NodeId.of(text));
        }
        return service(NodeId.of(text.substring(0, slash)), ServiceId.of(text.substring(slash + 1)));
    }

    /** The node this target is, or the node hosting this service. */
    public NodeId node() {
        return node;
    }

    /** The service, or empty when this target is a node itself. */
    public Optional<ServiceId> service() {
        return Optional.ofNullable(service);
    }

    /** Whether this target is a node itself rather than one of its services. */
    public boolean isNode() {
        return service == null;
    }

    /** The target of the node that hosts this one (itself for a node). */
    public TargetId nodeTarget() {
        return isNode() ? this : node(node);
    }

    /** How people read it: {@code node n3}, or {@code orders-api on node n3}. */
    public String describe() {
        return isNode() ? "node " + node : service + " on node " + node;
    }

    /**
     * How people read it with a state: {@code node n3 DOWN}, or {@code orders-api DOWN on node n3}.
     *
     * @param state a word or two such as {@code DOWN} or {@code FLAPPING}
     */
    public String describe(String state) {
        return isNode() ? "node " + node + " " + state : service + " " + state + " on node " + node;
    }

    @Override
    public int compareTo(TargetId other) {
        int byNode = node.compareTo(other.node);
        if (byNode != 0) {
            return byNode;
        }
        if (service == null || other.service == null) {
            return service == null ? (other.service == null ? 0 : -1) : 1;
        }
        return service.compareTo(other.service);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetId other && node.equals(other.node) && Objects.equals(service, other.service);
    }

    @Override
    public int hashCode() {
        return node.hashCode() * 31 + Objects.hashCode(service);
    }

    @Override
    public String toString() {
        return service == null ? node.value() : node.value() + "/" + service.value();
    }
}
