package io.ringwatch.engine.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A JDK HTTP(S) server on 127.0.0.1 and a free port, scripted path by path; records every request. */
final class LocalHttpServer implements AutoCloseable {
    /** Answers one request. */
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-http-handler");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    private LocalHttpServer(HttpServer server) {
        this.server = server;
        server.setExecutor(handlers);
        server.start();
    }

    static LocalHttpServer http() {
        try {
            return new LocalHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalHttpServer https(SSLContext serverContext) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            return new LocalHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers requests under {@code path}. */
    LocalHttpServer on(String path, Answer answer) {
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            try (exchange) {
                answer.answer(exchange);
            } catch (IOException clientLeft) {
                // the client stopped reading: that is what some tests want
            }
        });
        return this;
    }

    /** Answers {@code path} with this status and body. */
    LocalHttpServer respond(String path, int status, String body) {
        return on(path, exchange -> send(exchange, status, body));
    }

    /** Never answers {@code path} until the server is closed. */
    LocalHttpServer hang(String path) {
        return on(path, exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Redirects {@code path} to {@code location} with this 3xx status. */
    LocalHttpServer redirect(String path, int status, String location) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    URI url(String pathAndQuery) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The paths requested, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
