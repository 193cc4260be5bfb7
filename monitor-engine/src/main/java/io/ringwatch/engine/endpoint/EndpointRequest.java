package io.ringwatch.engine.endpoint;

import java.util.Objects;

/**
 * One HTTP request to the status endpoint, as a host app's web server hands it over.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the path below the endpoint's base, such as {@code /ringwatch/v1/live}
 * @param authorization the {@code Authorization} header, or null
 * @param asker the {@code X-Ringwatch-Node} header, or null
 * @param body the request body, empty for none
 */
public record EndpointRequest(String method, String path, String authorization, String asker, byte[] body) {
    /** @throws NullPointerException if the method, the path or the body is null */
    public EndpointRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
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
