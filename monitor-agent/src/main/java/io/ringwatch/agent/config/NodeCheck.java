package io.ringwatch.agent.config;

/** How watchers check that a node itself is alive. Immutable. */
public enum NodeCheck {
    /** Ask the node's agent at its status endpoint (the default): the agent must answer. */
    HTTP,
    /** Open a TCP connection to the endpoint's port: for a node whose agent cannot be asked. */
    TCP
}
