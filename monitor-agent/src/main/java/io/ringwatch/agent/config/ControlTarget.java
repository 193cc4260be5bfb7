package io.ringwatch.agent.config;

import java.net.URI;
import java.util.Objects;

/**
 * A check that must pass every cycle for a node to trust its own view, such as the gateway:
 * a TCP connect, an HTTP request or an ICMP echo. Immutable.
 */
public sealed interface ControlTarget permits ControlTarget.Tcp, ControlTarget.Http, ControlTarget.Ping {

    /**
     * Passes when a TCP connection opens ({@code tcp://10.0.0.254:53} in the file).
     *
     * @param host the host
     * @param port the port, 1 to 65535
     */
    record Tcp(String host, int port) implements ControlTarget {
        /** @throws NullPointerException if {@code host} is null */
        public Tcp {
            Objects.requireNonNull(host, "host");
        }
    }

    /**
     * Passes when an HTTP GET is answered as the default expectation wants: 200 to 299, within
     * 5 s, over TLS with a certificate valid for 14 more days.
     *
     * @param url the absolute http(s) URL
     */
    record Http(URI url) implements ControlTarget {
        /** @throws NullPointerException if {@code url} is null */
        public Http {
            Objects.requireNonNull(url, "url");
        }

        /** Shows the URL without user info or query. */
        @Override
        public String toString() {
            return "Http[" + Urls.describe(url) + "]";
        }
    }

    /**
     * Passes when the host answers an ICMP echo ({@code ping://10.0.0.254} in the file). Where
     * the agent may not send ICMP, the JDK tries a TCP connection to port 7 instead: prefer
     * {@code tcp://} there.
     *
     * @param host the host
     */
    record Ping(String host) implements ControlTarget {
        /** @throws NullPointerException if {@code host} is null */
        public Ping {
            Objects.requireNonNull(host, "host");
        }
    }
}
