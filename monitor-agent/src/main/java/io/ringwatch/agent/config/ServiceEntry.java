package io.ringwatch.agent.config;

import io.ringwatch.api.ServiceId;
import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.membership.ServiceSpec;
import java.net.URI;
import java.util.Objects;

/** A service a member hosts, as configured: checked over HTTP or by a TCP connect. Immutable. */
public sealed interface ServiceEntry permits ServiceEntry.HttpService, ServiceEntry.TcpService {

    /** The service's name, unique on its node. */
    ServiceId id();

    /**
     * A service checked by an HTTP GET of its status URL.
     *
     * @param id the service's name
     * @param url its absolute http(s) status URL
     * @param expectation how the answer is judged
     */
    record HttpService(ServiceId id, URI url, Expectation expectation) implements ServiceEntry {
        /** @throws NullPointerException if an argument is null */
        public HttpService {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(expectation, "expectation");
        }

        /** The engine's form of this service. */
        public ServiceSpec toServiceSpec() {
            return ServiceSpec.http(id.value(), url.toString(), expectation);
        }

        /** Shows the URL without user info or query, which may hold credentials. */
        @Override
        public String toString() {
            return "HttpService[" + id + " at " + Urls.describe(url) + ", " + expectation + "]";
        }
    }

    /**
     * A service checked by opening a TCP connection, such as a database.
     *
     * @param id the service's name
     * @param host the host to connect to
     * @param port the port, 1 to 65535
     */
    record TcpService(ServiceId id, String host, int port) implements ServiceEntry {
        /**
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the port is not within 1 to 65535
         */
        public TcpService {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be within 1 to 65535, was " + port);
            }
        }
    }
}
