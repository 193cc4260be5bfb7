package io.ringwatch.engine.membership;

import io.ringwatch.api.Probe;
import io.ringwatch.api.ServiceId;
import io.ringwatch.engine.check.Expectation;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A web service hosted by a node and how its watchers check it: an HTTP status URL judged
 * by an {@link Expectation}, or a {@link Probe} of the user's own. Immutable and thread-safe.
 */
public final class ServiceSpec {
    private final ServiceId id;
    private final URI statusUrl;
    private final Expectation expectation;
    private final Probe probe;

    private ServiceSpec(ServiceId id, URI statusUrl, Expectation expectation, Probe probe) {
        this.id = Objects.requireNonNull(id, "id");
        this.statusUrl = statusUrl;
        this.expectation = expectation;
        this.probe = probe;
    }

    /**
     * A service checked by an HTTP GET of its status URL, good when it answers 2xx.
     *
     * @throws IllegalArgumentException if the id or the URL is not valid
     */
    public static ServiceSpec http(String id, String statusUrl) {
        return http(id, statusUrl, Expectation.ofDefaults());
    }

    /**
     * A service checked by an HTTP GET of its status URL, judged by {@code expectation}.
     *
     * @throws IllegalArgumentException if the id or the URL is not valid
     * @throws NullPointerException if an argument is null
     */
    public static ServiceSpec http(String id, String statusUrl, Expectation expectation) {
        URI url = URI.create(Objects.requireNonNull(statusUrl, "statusUrl"));
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("service '" + id + "': status URL must be absolute, was '" + statusUrl + "'");
        }
        return new ServiceSpec(ServiceId.of(id), url, Objects.requireNonNull(expectation, "expectation"), null);
    }

    /**
     * A service checked by a probe of the user's own.
     *
     * @throws IllegalArgumentException if the id is not valid
     * @throws NullPointerException if an argument is null
     */
    public static ServiceSpec probed(String id, Probe probe) {
        return new ServiceSpec(ServiceId.of(id), null, null, Objects.requireNonNull(probe, "probe"));
    }

    /** The service's name, unique on its node. */
    public ServiceId id() {
        return id;
    }

    /** The status URL, for an HTTP-checked service. */
    public Optional<URI> statusUrl() {
        return Optional.ofNullable(statusUrl);
    }

    /** How an HTTP answer is judged, for an HTTP-checked service. */
    public Optional<Expectation> expectation() {
        return Optional.ofNullable(expectation);
    }

    /** The user's probe, for a service checked by one. */
    public Optional<Probe> probe() {
        return Optional.ofNullable(probe);
    }

    @Override
    public String toString() {
        if (probe != null) {
            return id + " (probe " + probe.getClass().getSimpleName() + ")";
        }
        // Only scheme, host, port and path: user info and query may hold credentials.
        String port = statusUrl.getPort() < 0 ? "" : ":" + statusUrl.getPort();
        return id + " (" + statusUrl.getScheme() + "://" + statusUrl.getHost() + port + statusUrl.getRawPath() + ")";
    }
}
