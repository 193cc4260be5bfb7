package io.ringwatch.engine.endpoint;

import io.ringwatch.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the status endpoint answers to one request.
 *
 * @param status the HTTP status code
 * @param contentType the body's media type
 * @param body the body
 * @param headers more headers to send, such as {@code WWW-Authenticate}
 */
public record EndpointResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    /** @throws NullPointerException if an argument is null */
    public EndpointResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static EndpointResponse json(int status, String json) {
        return new EndpointResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static EndpointResponse error(int status, String message) {
        return json(status, Json.write(Map.of("error", message)));
    }

    EndpointResponse with(String header, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(header, value);
        return new EndpointResponse(status, contentType, body, more);
    }

    /** The body as text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EndpointResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
