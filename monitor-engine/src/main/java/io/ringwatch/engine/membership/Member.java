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
 * it is alive), the services it hosts, and whether it runs an engine. Immutable and thread-safe.
 *
 * @param id the node's name
 * @param endpoint where its status endpoint answers, such as {@code http://10.0.0.3:7070}; for
 *        a node that runs no engine, the address whose port its watchers connect to
 * @param services the web services it hosts, each checked by its watchers
 * @param runsEngine whether the node runs Ringwatch, and so watches partners and answers their
 *        questions; false for a machine that is only watched (see {@link #watchedOnly})
 */
public record Member(NodeId id, URI endpoint, List<ServiceSpec> services, boolean runsEngine) {

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
     * A node that runs an engine.
     *
     * @throws IllegalArgumentException if two services share an id
     */
    public Member(NodeId id, URI endpoint, List<ServiceSpec> services) {
        this(id, endpoint, services, true);
    }

    /**
     * A machine that runs no engine, such as an appliance or a database host: its watchers
     * check that a TCP connection to {@code address}'s port opens, and its services, but it
     * watches nobody and is asked nothing.
     *
     * @param address such as {@code tcp://10.0.0.5:22} or {@code http://10.0.0.5:80}: the port to connect to
     * @throws IllegalArgumentException if the id or the address is not valid, or the address has no port
     */
    public static Member watchedOnly(String id, String address, ServiceSpec... services) {
        URI uri = URI.create(address);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("node " + id + ": '" + address + "' needs a host and a port, such as tcp://10.0.0.5:22");
        }
        return new Member(NodeId.of(id), uri, List.of(services), false);
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
        return "Member[" + id + " at " + where + ", services " + services + (runsEngine ? "" : ", watched only") + "]";
    }

    /** The service with this id, if the node hosts it. */
    public Optional<ServiceSpec> service(ServiceId serviceId) {
        return services.stream().filter(service -> service.id().equals(serviceId)).findFirst();
    }
}
