package io.ringwatch.engine.endpoint;

import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to the status endpoint, as a host app's web server hands it over.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the path below the endpoint's base, such as {@code /ringwatch/v1/live}
 * @param authorization the {@code Authorization} header, or null
 * @param asker the {@code X-Ringwatch-Node} header, or null
 * @param body the request body, empty for none
 * @param query the raw query string without {@code ?}, empty for none; only callbacks read it
 * @param headers the request's headers, the first value of each by name; only callbacks read
 *        them (a provider's signature), so a host app may pass none for the other paths
 */
public record EndpointRequest(String method, String path, String authorization, String asker, byte[] body, String query,
        Map<String, String> headers) {
    /** @throws NullPointerException if the method, the path, the body, the query or the headers are null */
    public EndpointRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    /** A request without query or other headers: all that every path but the callbacks reads. */
    public EndpointRequest(String method, String path, String authorization, String asker, byte[] body) {
        this(method, path, authorization, asker, body, "", Map.of());
    }

    /** A GET without credentials. */
    public static EndpointRequest get(String path) {
        return new EndpointRequest("GET", path, null, null, new byte[0]);
    }

    /** Never shows the authorization header. */
    @Override
    public String toString() {
        return "EndpointRequest[" + method + " " + path + (authorization == null ? "" : ", authorization hidden")
                + (asker == null ? "" : ", from " + asker) + ", " + body.length + " bytes]";
    }
}
