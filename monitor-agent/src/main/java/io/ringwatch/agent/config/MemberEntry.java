package io.ringwatch.agent.config;

import io.ringwatch.api.NodeId;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One member of the farm, as configured. Immutable.
 *
 * @param id the node's name
 * @param endpoint its status endpoint as partners reach it, such as {@code http://10.0.0.1:7070}
 * @param nodeCheck how watchers check that the node is alive
 * @param services the services it hosts, in the configured order
 */
public record MemberEntry(NodeId id, URI endpoint, NodeCheck nodeCheck, List<ServiceEntry> services) {

    /** @throws NullPointerException if an argument is null */
    public MemberEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(nodeCheck, "nodeCheck");
        services = List.copyOf(services);
    }

    /** Shows the endpoint without user info or query. */
    @Override
    public String toString() {
        return "MemberEntry[" + id + " at " + Urls.describe(endpoint) + ", check " + nodeCheck + ", services " + services + "]";
    }
}
