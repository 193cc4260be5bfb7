package io.ringwatch.engine.ring;

/** How nodes are placed on the ring. */
public enum RingOrder {
    /** In the order the members were configured. */
    CONFIGURED,
    /** By a stable hash of each node's id: the same on every node and every run, whatever the configured order. */
    HASHED
}
