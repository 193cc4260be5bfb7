package io.ringwatch.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The web service each demo node hosts, {@code orders-api}, reduced to what Ringwatch checks: a
 * Spring Boot Actuator style health endpoint, {@code GET /actuator/health}, which answers
 * {@code 200 {"status":"UP"}} unless {@link #answer told otherwise}. It runs on the JDK's own
 * HTTP server on 127.0.0.1; in your app it is your real service, and Ringwatch only reads its
 * status URL.
 *
 * <p>Thread-safe. Closing it stops it at once: connections are refused from then on, as when
 * its machine died. A closed one cannot serve again; open a new one on the same port instead.
 */
final class OrdersApi implements AutoCloseable {
    /** The service's id in the members list. */
    static final String ID = "orders-api";
    /** Where it answers its health. */
    static final String HEALTH_PATH = "/actuator/health";
    /** What a healthy orders-api answers. */
    static final Answer HEALTHY = new Answer(200, "{\"status\":\"UP\"}");

    private final HttpServer server;
    private volatile Answer answer = HEALTHY;

    /**
     * What the health endpoint answers. Immutable.
     *
     * @param status the HTTP status code
     * @param body the JSON body
     */
    record Answer(int status, String body) {
        /** @throws NullPointerException if {@code body} is null */
        Answer {
            Objects.requireNonNull(body, "body");
        }
    }

    private OrdersApi(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts answering on 127.0.0.1 at {@code port}; 0 takes any free port (see {@link #port()}).
     *
     * @throws UncheckedIOException if the port cannot be bound, naming it
     */
    static OrdersApi open(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException failure) {
            throw new UncheckedIOException("orders-api cannot listen on 127.0.0.1:" + port, failure);
        }
        OrdersApi api = new OrdersApi(server);
        server.createContext(HEALTH_PATH, api::health);
        server.start();
        return api;
    }

    /** The port it listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    /** Its status URL, such as {@code http://127.0.0.1:41234/actuator/health}: what the members list names. */
    URI healthUrl() {
        return URI.create("http://127.0.0.1:" + port() + HEALTH_PATH);
    }

    /**
     * Answers this from now on, such as {@code 503 {"status":"DOWN"}}.
     *
     * @throws NullPointerException if {@code answer} is null
     */
    void answer(Answer answer) {
        this.answer = Objects.requireNonNull(answer, "answer");
    }

    /** Stops at once; connections are refused from now on. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void health(HttpExchange exchange) throws IOException {
        Answer now = answer;
        byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(now.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public String toString() {
        return "OrdersApi[" + healthUrl() + ", answers " + answer.status() + "]";
    }
}
