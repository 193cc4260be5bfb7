package io.ringwatch.engine.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ringwatch.engine.wire.WireProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's status endpoint served by the JDK's own HTTP server, for nodes whose host app has
 * no web server of its own (or for the agent). What it answers is {@link EndpointHandler}'s.
 * Peer questions are answered when ready, without holding a request thread, so that liveness
 * is never queued behind a check. A client gets 10 s to send its request and the endpoint 60 s
 * to answer (the JDK server's {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime},
 * set when first used unless already set).
 *
 * <pre>{@code
 * StatusEndpoint endpoint = StatusEndpoint.start(
 *         EndpointHandler.builder(engine).secret(System.getenv("RINGWATCH_SECRET")).build(),
 *         new InetSocketAddress("0.0.0.0", 7070));
 * }</pre>
 *
 * <p>Requests are served by a few threads of the endpoint's own (eight), never one per target.
 * Thread-safe.
 */
public final class StatusEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusEndpoint.class);
    private static final int THREADS = 8;
    /** How long a client may take to send its request, and the endpoint its answer, before the connection is closed. */
    private static final String MAX_REQUEST_SECONDS = "10";
    private static final String MAX_RESPONSE_SECONDS = "60";

    static {
        // The JDK's server reads requests on its request threads and waits forever by default:
        // a few clients that send half a request would starve liveness. Bounded unless the host
        // app set these itself (they are read once per JVM, by the first server created).
        setIfAbsent("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", MAX_RESPONSE_SECONDS);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile EndpointHandler handler;
    private final AtomicInteger inFlight = new AtomicInteger();

    private StatusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code handler} at {@code address}; port 0 takes any free port (see
     * {@link #address()}).
     *
     * @throws UncheckedIOException if the address cannot be bound, naming it
     */
    public static StatusEndpoint start(EndpointHandler handler, InetSocketAddress address) {
        StatusEndpoint endpoint = bind(address);
        endpoint.serve(handler);
        return endpoint;
    }

    /**
     * Binds {@code address} now and serves nothing until {@link #serve}: for nodes that must know
     * their endpoint's port (port 0) before their engine is built.
     *
     * @throws UncheckedIOException if the address cannot be bound, naming it
     */
    public static StatusEndpoint bind(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot serve the status endpoint at " + address.getHostString() + ":"
                    + address.getPort() + ": " + failure.getMessage(), failure);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "ringwatch-endpoint-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new StatusEndpoint(server, executor);
    }

    /**
     * Starts answering with {@code handler}.
     *
     * @throws IllegalStateException if it serves already
     */
    public synchronized void serve(EndpointHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (this.handler != null) {
            throw new IllegalStateException("the status endpoint at " + uri() + " serves already");
        }
        this.handler = handler;
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
        LOG.info("Status endpoint listening on {}", uri());
    }

    /** Where the endpoint listens, with the port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The endpoint's base address, such as {@code http://127.0.0.1:7070}: what partners reach it by on loopback. */
    public URI uri() {
        InetSocketAddress bound = address();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    /** Stops answering: requests under way get up to a second to finish. Idempotent. */
    @Override
    public void close() {
        // The JDK's server waits out the whole delay even when nothing is under way.
        server.stop(inFlight.get() == 0 ? 0 : 1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        EndpointRequest request;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(WireProtocol.MAX_QUESTION_BYTES + 1);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
            String query = exchange.getRequestURI().getRawQuery();
            request = new EndpointRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst(WireProtocol.ASKER_HEADER), body, query == null ? "" : query,
                    headers);
        } catch (IOException | RuntimeException failure) {
            finish(exchange);
            throw failure;
        }
        handler.answer(request).whenCompleteAsync((response, failure) -> respond(exchange, response), executor);
    }

    /** Writes the answer and closes the exchange; a client that went away meanwhile is no error. */
    private void respond(HttpExchange exchange, EndpointResponse response) {
        try {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException gone) {
            LOG.debug("Could not answer a request to the status endpoint: the client went away", gone);
        } finally {
            finish(exchange);
        }
    }

    private void finish(HttpExchange exchange) {
        exchange.close();
        inFlight.decrementAndGet();
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    @Override
    public String toString() {
        EndpointHandler serving = handler;
        return "StatusEndpoint[" + uri() + ", " + (serving == null ? "not serving yet" : serving) + "]";
    }
}
