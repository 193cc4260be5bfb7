package io.ringwatch.agent.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A web service on loopback with a Spring Boot Actuator style health endpoint:
 * {@code GET /actuator/health} answers {@code 200 {"status":"UP"}}. Stands in for the services a
 * real node hosts.
 */
final class FakeWebService implements AutoCloseable {
    static final String HEALTH_PATH = "/actuator/health";
    private static final byte[] HEALTHY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private FakeWebService(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on loopback at {@code port} (0 for any free port). */
    static FakeWebService start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.createContext(HEALTH_PATH, FakeWebService::health);
            server.start();
            return new FakeWebService(server);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the demo's web service on port " + port, failure);
        }
    }

    private static void health(HttpExchange exchange) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, HEALTHY.length);
            out.write(HEALTHY);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI healthUrl() {
        return URI.create("http://127.0.0.1:" + port() + HEALTH_PATH);
    }

    /** Stops at once: connections are refused from now on, as on a machine that died. */
    @Override
    public void close() {
        server.stop(0);
    }
}
