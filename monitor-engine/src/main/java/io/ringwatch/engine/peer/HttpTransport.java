package io.ringwatch.engine.peer;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Status;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.json.Json;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.probe.BoundedBody;
import io.ringwatch.engine.probe.HttpFetcher;
import io.ringwatch.engine.probe.NetworkFailures;
import io.ringwatch.engine.probe.TcpProbe;
import io.ringwatch.engine.wire.PeerJson;
import io.ringwatch.engine.wire.SharedSecret;
import io.ringwatch.engine.wire.WireProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real network: questions go to the peer's status endpoint over HTTP (see
 * {@link io.ringwatch.engine.endpoint.EndpointHandler}), status URLs are fetched with an
 * {@link HttpFetcher}.
 *
 * <ul>
 *   <li>A node check ({@link PeerQuestion.Liveness}) connects to the node's endpoint and asks
 *       {@code GET /ringwatch/v1/live}, which answers without the secret too (then without the
 *       reason a node distrusts itself). For a member that runs no engine
 *       ({@link Member#watchedOnly}), a TCP connect to its endpoint's port is all.</li>
 *   <li>Other questions are a {@code POST /ringwatch/v1/ask} with the farm's shared secret and
 *       this node's id.</li>
 *   <li>A peer that refuses the secret (401) counts as not answering, and is logged once: the
 *       secrets of the two nodes differ.</li>
 * </ul>
 *
 * <pre>{@code
 * Transport transport = HttpTransport.builder(NodeId.of("n1")).secret(System.getenv("RINGWATCH_SECRET")).build();
 * }</pre>
 *
 * <p>Thread-safe; never blocks the caller.
 */
public final class HttpTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final NodeId self;
    private final SharedSecret secret;
    private final HttpFetcher fetcher;
    private final HttpClient client;
    private final Map<NodeId, Boolean> secretRefusedBy = new ConcurrentHashMap<>();

    private HttpTransport(Builder builder) {
        self = builder.self;
        secret = builder.secret;
        fetcher = builder.fetcher != null ? builder.fetcher : HttpFetcher.create();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout)
                .build();
    }

    /** Starts a transport for the node {@code self}: give it the farm's secret, or say it runs insecure. */
    public static Builder builder(NodeId self) {
        return new Builder(Objects.requireNonNull(self, "self"));
    }

    @Override
    public CompletionStage<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout) {
        if (question instanceof PeerQuestion.Liveness) {
            return peer.runsEngine() ? live(peer, timeout) : connect(peer, timeout);
        }
        if (!peer.runsEngine()) {
            return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.OTHER, peer.id() + " runs no engine"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(WireProtocol.resolve(peer.endpoint(), WireProtocol.ASK))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WireProtocol.ASKER_HEADER, self.value())
                .POST(HttpRequest.BodyPublishers.ofString(PeerJson.encode(question), StandardCharsets.UTF_8));
        if (secret != null) {
            request.header("Authorization", secret.authorization());
        }
        return send(request.build(), timeout).thenApply(response -> {
            if (response.statusCode() == 401) {
                if (secretRefusedBy.putIfAbsent(peer.id(), Boolean.TRUE) == null) {
                    LOG.warn("{} refused the shared secret of {}: the two nodes must be given the same secret", peer.id(), self);
                }
                throw new PeerUnreachableException(NoAnswer.OTHER, "refused the shared secret (HTTP 401)");
            }
            secretRefusedBy.remove(peer.id());
            try {
                return PeerJson.decodeAnswer(response.body());
            } catch (IllegalArgumentException malformed) {
                throw new PeerUnreachableException(NoAnswer.OTHER, "not a Ringwatch answer");
            }
        });
    }

    /**
     * Reads {@code path} (such as {@link WireProtocol#SUMMARY}) of a peer's endpoint with a GET,
     * sending the secret; at most {@link WireProtocol#MAX_ANSWER_BYTES} within {@code timeout}.
     * Fails with {@link PeerUnreachableException} on no answer or any status but 200.
     */
    public CompletionStage<String> get(Member peer, String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(WireProtocol.resolve(peer.endpoint(), path))
                .timeout(timeout)
                .header(WireProtocol.ASKER_HEADER, self.value())
                .GET();
        if (secret != null) {
            request.header("Authorization", secret.authorization());
        }
        return send(request.build(), timeout).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new PeerUnreachableException(NoAnswer.OTHER, "answered HTTP " + response.statusCode());
            }
            return response.body();
        });
    }

    @Override
    public CompletionStage<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
        return fetcher.fetch(statusUrl, timeout);
    }

    private CompletionStage<PeerAnswer> live(Member peer, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(WireProtocol.resolve(peer.endpoint(), WireProtocol.LIVE))
                .timeout(timeout)
                .header(WireProtocol.ASKER_HEADER, self.value())
                .GET();
        if (secret != null) {
            request.header("Authorization", secret.authorization()); // to be told why a peer distrusts itself
        }
        return send(request.build(), timeout).thenApply(response -> alive(peer, response.body()));
    }

    /** Reads {@code {"node":"n2","health":"UP","reason":""}}, which must come from {@code peer}. */
    private static PeerAnswer alive(Member peer, String body) {
        Object json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException malformed) {
            json = null;
        }
        if (!(json instanceof Map<?, ?> live) || !(live.get("health") instanceof String health)
                || !(live.get("node") instanceof String node) || !isStatus(health)) {
            throw new PeerUnreachableException(NoAnswer.OTHER, "not a Ringwatch endpoint");
        }
        if (!node.equals(peer.id().value())) {
            // A misconfigured endpoint that reaches another node must not pass for this one.
            throw new PeerUnreachableException(NoAnswer.OTHER, "another node answers there: " + OneLine.of(node, 40));
        }
        Object reason = live.get("reason");
        return new PeerAnswer.Alive(Status.valueOf(health), reason instanceof String text ? text : "");
    }

    private static boolean isStatus(String name) {
        return name.equals(Status.UP.name()) || name.equals(Status.DEGRADED.name());
    }

    private CompletionStage<PeerAnswer> connect(Member peer, Duration timeout) {
        URI endpoint = peer.endpoint();
        int port = endpoint.getPort() >= 0 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        return TcpProbe.of(endpoint.getHost(), port).check(timeout).thenApply(result -> {
            if (result.status() == Status.DOWN) {
                throw unreachable(result.reason());
            }
            return (PeerAnswer) new PeerAnswer.Alive(Status.UP, "");
        });
    }

    /** The probe's reason ({@code connection refused}, {@code timed out (after 500 ms)}) as the same no-answer. */
    private static PeerUnreachableException unreachable(String reason) {
        for (NoAnswer cause : NoAnswer.values()) {
            if (reason.equals(cause.reason())) {
                return new PeerUnreachableException(cause, "");
            }
            String prefix = cause.reason() + " (";
            if (reason.startsWith(prefix) && reason.endsWith(")")) {
                return new PeerUnreachableException(cause, reason.substring(prefix.length(), reason.length() - 1));
            }
        }
        return new PeerUnreachableException(NoAnswer.OTHER, reason);
    }

    /**
     * Sends a request, reading at most {@link WireProtocol#MAX_ANSWER_BYTES} of the answer, all of
     * it within {@code timeout} (the request is cancelled at the deadline); any status but 200 and
     * 401 fails as no answer, naming the status.
     */
    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = client.sendAsync(request, BoundedBody.handler(WireProtocol.MAX_ANSWER_BYTES));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(NetworkFailures.unreachable(failure, timeout));
        }
        CompletableFuture<HttpResponse<String>> bounded = sent.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        bounded.whenComplete((response, failure) -> sent.cancel(true));
        return bounded.handle((response, failure) -> {
            if (failure != null) {
                throw NetworkFailures.unreachable(failure, timeout);
            }
            if (response.statusCode() != 200 && response.statusCode() != 401) {
                throw new PeerUnreachableException(NoAnswer.OTHER, "answered HTTP " + response.statusCode());
            }
            return response;
        });
    }

    @Override
    public String toString() {
        return "HttpTransport[" + self + (secret == null ? ", insecure" : ", secret hidden") + "]";
    }

    /** Collects what a transport needs. Not thread-safe. */
    public static final class Builder {
        private final NodeId self;
        private SharedSecret secret;
        private boolean insecure;
        private HttpFetcher fetcher;
        private Duration connectTimeout = HttpFetcher.DEFAULT_CONNECT_TIMEOUT;

        private Builder(NodeId self) {
            this.self = self;
        }

        /**
         * The secret every node of the farm shares.
         *
         * @throws IllegalArgumentException if it is shorter than {@value SharedSecret#MIN_LENGTH} characters
         */
        public Builder secret(String secret) {
            this.secret = SharedSecret.of(secret);
            return this;
        }

        /** Asks without a secret: only for a farm whose endpoints run insecure too. */
        public Builder insecure() {
            this.insecure = true;
            return this;
        }

        /** How status URLs are fetched; {@link HttpFetcher#create()} unless set. */
        public Builder fetcher(HttpFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /** How long a connection to a peer may take to open; 5 s unless set (and never more than the question's timeout). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** @throws IllegalStateException if neither a secret nor {@link #insecure()} was given */
        public HttpTransport build() {
            if (secret == null && !insecure) {
                throw new IllegalStateException("the HTTP transport needs the farm's shared secret: call secret(...),"
                        + " or insecure() for a farm nobody else can reach");
            }
            return new HttpTransport(this);
        }
    }
}
