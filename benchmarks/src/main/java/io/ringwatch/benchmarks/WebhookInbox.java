package io.ringwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agents' webhook channel, served in the harness on 127.0.0.1: it stamps
 * {@link System#nanoTime()} the moment a POST reaches it, answers 204, reads the body's
 * {@code kind}, {@code target} and {@code observedBy}, and records them in {@link Arrivals}. A
 * body it cannot read is answered 400 and counted. Requests are handled one at a time on the
 * server's dispatcher thread. Thread-safe. Close it to stop serving.
 */
final class WebhookInbox implements AutoCloseable {
    static final String PATH = "/hooks/latency";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Arrivals arrivals;
    private final AtomicInteger unreadable = new AtomicInteger();

    private WebhookInbox(HttpServer server, Arrivals arrivals) {
        this.server = server;
        this.arrivals = arrivals;
    }

    /**
     * Serves on a free port of 127.0.0.1.
     *
     * @throws UncheckedIOException if no port can be bound
     */
    static WebhookInbox start(Arrivals arrivals) {
        HttpServer server;
        try {
            server = HttpServer.create(Loopback.address(0), 16);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot serve the webhook on 127.0.0.1", failure);
        }
        WebhookInbox inbox = new WebhookInbox(server, arrivals);
        server.createContext(PATH, inbox::handle);
        server.start();
        return inbox;
    }

    /** The URL the agents post to. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** How many requests had a body that was not a notification. */
    int unreadable() {
        return unreadable.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            try {
                JsonNode json = JSON.readTree(body);
                arrivals.record(NotificationKind.valueOf(json.path("kind").asText()), TargetId.parse(json.path("target").asText()),
                        NodeId.of(json.path("observedBy").asText()), nanos);
            } catch (IOException | RuntimeException unreadableBody) {
                unreadable.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Stops serving at once. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
    }
}
