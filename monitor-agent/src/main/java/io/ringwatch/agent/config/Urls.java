package io.ringwatch.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Reading and showing the URLs and host:port pairs of a config file. Thread-safe. */
final class Urls {
    static final String HTTP_EXAMPLE = "an http(s) URL such as http://10.0.0.1:8080/health";
    static final String HOST_PORT_EXAMPLE = "host:port such as 10.0.0.1:5432";

    private Urls() {
    }

    /** An absolute http or https URL with a host, or empty. */
    static Optional<URI> http(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    /**
     * A host and port, {@code 10.0.0.1:5432}, {@code db.local:5432} or {@code [fd00::1]:5432}.
     *
     * @return the host (without brackets) and the port from 1 to 65535, or empty
     */
    static Optional<HostPort> hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            return Optional.empty();
        }
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return port >= 1 && port <= 65535 ? Optional.of(new HostPort(host, port)) : Optional.empty();
        } catch (NumberFormatException notAPort) {
            return Optional.empty();
        }
    }

    /** Scheme, host, port and path only: user info and query may hold credentials. */
    static String describe(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    record HostPort(String host, int port) {
    }
}
