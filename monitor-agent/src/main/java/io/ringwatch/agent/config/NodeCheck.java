package io.ringwatch.agent.config;

/** How watchers check that a node itself is alive, which also says whether it runs the agent. Immutable. */
public enum NodeCheck {
    /** Ask the node's agent at its status endpoint (the default): the node runs the agent and watches partners. */
    HTTP,
    /**
     * Open a TCP connection to the endpoint's port: for a machine that runs no agent (an
     * appliance, a database host). It is watched, with its services, but watches nobody and is
     * asked nothing, so it takes no watcher's place in the ring.
     */
    TCP
}
