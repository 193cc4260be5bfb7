package io.ringwatch.engine.membership;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.ServiceId;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A node of the farm: its id, the address of its status endpoint (where partners ask whether
 * it is alive), and the services it hosts. Immutable and thread-safe.
 *
 * @param id the node's name
 * @param endpoint where its status endpoint answers, such as {@code http://10.0.0.3:7070}
 * @param services the web services it hosts, each checked by its watchers
 */
public record Member(NodeId id, URI endpoint, List<ServiceSpec> services) {

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if two services share an id
     */
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        services = List.copyOf(services);
        Set<ServiceId> seen = new HashSet<>();
        for (ServiceSpec service : services) {
            if (!seen.add(service.id())) {
                throw new IllegalArgumentException("node " + id + ": service '" + service.id() + "' is listed twice");
            }
        }
    }

    /**
     * A member from plain strings.
     *
     * @throws IllegalArgumentException if the id or the endpoint is not valid
     */
    public static Member of(String id, String endpoint, ServiceSpec... services) {
        return new Member(NodeId.of(id), URI.create(endpoint), List.of(services));
    }

    /** Shows the endpoint without user info or query, which may hold credentials. */
    @Override
    public String toString() {
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        String where = endpoint.getHost() == null ? endpoint.getScheme() + ":…"
                : endpoint.getScheme() + "://" + endpoint.getHost() + port + endpoint.getRawPath();
        return "Member[" + id + " at " + where + ", services " + services + "]";
    }

    /** The service with this id, if the node hosts it. */
    public Optional<ServiceSpec> service(ServiceId serviceId) {
        return services.stream().filter(service -> service.id().equals(serviceId)).findFirst();
    }
}
