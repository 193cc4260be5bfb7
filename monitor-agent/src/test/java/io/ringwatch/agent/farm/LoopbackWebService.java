package io.ringwatch.agent.farm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A node's web service on loopback: {@code GET /health} answers {@code {"status":"UP"}}. Can stop and start on its port. */
final class LoopbackWebService implements AutoCloseable {
    private static final byte[] HEALTHY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private final int port;
    private HttpServer server;

    private LoopbackWebService(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    static LoopbackWebService start() {
        return new LoopbackWebService(serve(0));
    }

    String healthUrl() {
        return "http://127.0.0.1:" + port + "/health";
    }

    int port() {
        return port;
    }

    /** Stops at once: connections to its port are refused. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Serves again on the same port. */
    synchronized void restart() {
        if (server == null) {
            server = serve(port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static HttpServer serve(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.createContext("/health", LoopbackWebService::health);
            server.start();
            return server;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void health(HttpExchange exchange) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, HEALTHY.length);
            out.write(HEALTHY);
        }
    }
}
