package io.ringwatch.engine.endpoint;

import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.json.Json;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.statuspage.StatusPage;
import io.ringwatch.engine.statuspage.SummaryJson;
import io.ringwatch.engine.wire.PeerJson;
import io.ringwatch.engine.wire.SharedSecret;
import io.ringwatch.engine.wire.WireProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests of the node's status endpoint, whatever web server carries them:
 * <ul>
 *   <li>{@code GET /ringwatch/v1/live}: whether the node is up and trusts its own view. Open to
 *       anyone, like any health check; only a request with the secret is told why the node
 *       distrusts its view (the reason names its partners).</li>
 *   <li>{@code GET /ringwatch/v1/status}: the node's view of its partners and the health of its
 *       own services, as JSON. Needs the secret.</li>
 *   <li>{@code POST /ringwatch/v1/ask}: a question from a peer (confirmation, "did you
 *       notify?", an acknowledgement). Needs the secret and a member's id in
 *       {@code X-Ringwatch-Node}.</li>
 *   <li>{@code GET /metrics}: Prometheus metrics; open unless {@link Builder#metricsNeedSecret}.</li>
 *   <li>{@code GET /}: the farm's status page for people, when one is given
 *       ({@link Builder#statusPage}); open to anyone, read-only, free of secrets.</li>
 *   <li>{@code GET /ringwatch/v1/summary}: what this node knows for the status page of another
 *       node. Needs the secret.</li>
 * </ul>
 * A request without the secret where one is needed gets 401 and a body that says only
 * "unauthorized". Thread-safe; each request may block up to the engine's check timeout (the very
 * first request for the status page, up to its peer timeout and a little).
 */
public final class EndpointHandler {
    /** Liveness: open to anyone. */
    public static final String LIVE_PATH = WireProtocol.LIVE;
    /** The node's view and its own services: needs the secret. */
    public static final String STATUS_PATH = WireProtocol.STATUS;
    /** Peer questions: needs the secret. */
    public static final String ASK_PATH = WireProtocol.ASK;
    /** Prometheus metrics. */
    public static final String METRICS_PATH = WireProtocol.METRICS;
    /** Where a channel's provider calls back: {@code /ringwatch/v1/callback/} and the channel's name. */
    public static final String CALLBACK_PATH = WireProtocol.CALLBACK;
    /** The status page: open to anyone. */
    public static final String PAGE_PATH = WireProtocol.PAGE;
    /** What this node knows for another node's status page: needs the secret. */
    public static final String SUMMARY_PATH = WireProtocol.SUMMARY;

    private static final Logger LOG = LoggerFactory.getLogger(EndpointHandler.class);

    private final MonitorEngine engine;
    private final SharedSecret secret;
    private final boolean metricsNeedSecret;
    private final Duration answerTimeout;
    private final StatusPage page;
    private final StatusPage summaries;

    private EndpointHandler(Builder builder) {
        engine = builder.engine;
        page = builder.servePage ? builder.page : null;
        summaries = builder.page;
        secret = builder.secret;
        metricsNeedSecret = builder.metricsNeedSecret;
        // A check question runs one check (up to the timeout); leave room for the way back.
        answerTimeout = engine.config().timeout().plusSeconds(1);
    }

    /** Starts a handler for {@code engine}; give it a secret, or say it runs insecure. */
    public static Builder builder(MonitorEngine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * Answers one request, waiting for the answer: up to the engine's check timeout and a second
     * for a question or the status. Never throws: failures are answered with a 4xx or 5xx status.
     */
    public EndpointResponse handle(EndpointRequest request) {
        return answer(request).join();
    }

    /**
     * Answers one request without waiting: the stage completes when the answer is ready, within
     * the engine's check timeout and a second, and never exceptionally (failures are answered with
     * a 4xx or 5xx status). For web servers that can answer later, so that slow questions hold
     * no request thread.
     */
    public CompletableFuture<EndpointResponse> answer(EndpointRequest request) {
        CompletableFuture<EndpointResponse> response;
        try {
            response = route(request);
        } catch (RuntimeException failure) {
            response = CompletableFuture.failedFuture(failure);
        }
        return response.exceptionally(failure -> {
            LOG.warn("The status endpoint failed to answer {}", request, failure);
            return EndpointResponse.error(500, "internal error");
        });
    }

    private CompletableFuture<EndpointResponse> route(EndpointRequest request) {
        switch (request.path()) {
            case WireProtocol.LIVE:
                return now(only("GET", request) ? live(authorized(request)) : notAllowed("GET"));
            case WireProtocol.STATUS:
                return !only("GET", request) ? now(notAllowed("GET")) : !authorized(request) ? now(unauthorized()) : status();
            case WireProtocol.ASK:
                return !only("POST", request) ? now(notAllowed("POST")) : !authorized(request) ? now(unauthorized()) : ask(request);
            case WireProtocol.PAGE:
                return !only("GET", request) ? now(notAllowed("GET")) : page(request);
            case WireProtocol.SUMMARY:
                return !only("GET", request) ? now(notAllowed("GET")) : !authorized(request) ? now(unauthorized())
                        : now(summary());
            case WireProtocol.METRICS:
                return now(!only("GET", request) ? notAllowed("GET")
                        : metricsNeedSecret && !authorized(request) ? unauthorized() : metrics());
            default:
                return now(request.path().startsWith(WireProtocol.CALLBACK) ? callback(request)
                        : EndpointResponse.error(404, "not found"));
        }
    }

    /**
     * A provider's callback to a channel ({@code POST /ringwatch/v1/callback/<channel>}): the
     * channel's receiver checks that its provider sent it (not the farm's secret: the provider
     * does not have it) and answers.
     */
    private EndpointResponse callback(EndpointRequest request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return notAllowed("POST");
        }
        String channel = request.path().substring(WireProtocol.CALLBACK.length());
        Optional<CallbackReceiver.Answer> answer = engine.callback(channel,
                new CallbackReceiver.Request(request.query(), request.headers(), request.body()));
        return answer.map(found -> new EndpointResponse(found.status(), found.contentType(),
                        found.body().getBytes(StandardCharsets.UTF_8), Map.of()))
                .orElseGet(() -> EndpointResponse.error(404, "not found"));
    }

    private static CompletableFuture<EndpointResponse> now(EndpointResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private static boolean only(String method, EndpointRequest request) {
        return method.equalsIgnoreCase(request.method()) || "GET".equals(method) && "HEAD".equalsIgnoreCase(request.method());
    }

    private static EndpointResponse notAllowed(String allowed) {
        return EndpointResponse.error(405, "method not allowed").with("Allow", allowed);
    }

    private boolean authorized(EndpointRequest request) {
        return secret == null || secret.matches(request.authorization());
    }

    private static EndpointResponse unauthorized() {
        return EndpointResponse.error(401, "unauthorized").with("WWW-Authenticate", "Bearer realm=\"ringwatch\"");
    }

    /** Anyone learns whether the node is up and trusts itself; only peers learn why it does not. */
    private EndpointResponse live(boolean peer) {
        if (!engine.isRunning()) {
            return EndpointResponse.error(503, "not running");
        }
        EngineView view = engine.view();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", engine.self().value());
        json.put("health", view.health().name());
        json.put("reason", peer ? view.healthReason() : "");
        return EndpointResponse.json(200, Json.write(json));
    }

    private CompletableFuture<EndpointResponse> ask(EndpointRequest request) {
        NodeId asker = member(request.asker());
        if (asker == null) {
            return now(EndpointResponse.error(403, "the " + WireProtocol.ASKER_HEADER + " header must name a member of the farm"));
        }
        if (request.body().length > WireProtocol.MAX_QUESTION_BYTES) {
            return now(EndpointResponse.error(413, "question too large"));
        }
        PeerQuestion question;
        try {
            question = PeerJson.decodeQuestion(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return now(EndpointResponse.error(400, "bad question: " + OneLine.of(malformed.getMessage(), 200)));
        }
        if (!engine.isRunning()) {
            return now(EndpointResponse.error(503, "not running"));
        }
        return within(engine.answer(asker, question)).handle((answer, failure) -> {
            if (failure == null) {
                return EndpointResponse.json(200, PeerJson.encode(answer));
            }
            return unwrap(failure) instanceof TimeoutException
                    ? EndpointResponse.error(504, "no answer within " + answerTimeout.toMillis() + " ms")
                    : EndpointResponse.error(503, "not running");
        });
    }

    /** The stage, bounded by the answer timeout (a copy: the engine's own stage is left alone). */
    private <T> CompletableFuture<T> within(CompletionStage<T> stage) {
        return stage.toCompletableFuture().copy().orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private NodeId member(String asker) {
        if (asker == null) {
            return null;
        }
        return engine.members().stream().map(Member::id).filter(id -> id.value().equals(asker)).findFirst().orElse(null);
    }

    private CompletableFuture<EndpointResponse> status() {
        return ownServices().thenApply(this::status);
    }

    private EndpointResponse status(List<Object> services) {
        EngineView view = engine.view();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", engine.self().value());
        json.put("running", engine.isRunning());
        json.put("health", view.health().name());
        json.put("healthReason", view.healthReason());
        json.put("ring", engine.ring().members().stream().map(NodeId::value).toList());
        json.put("watching", view.watching().stream().map(NodeId::value).toList());
        List<Object> targets = new ArrayList<>();
        for (EngineView.TargetView target : view.targets()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", target.target().toString());
            entry.put("status", target.status().name());
            entry.put("since", target.since() == null ? null : target.since().toString());
            entry.put("reason", target.lastReason());
            entry.put("flapping", target.flapping());
            entry.put("incident", target.incidentKey());
            entry.put("acknowledged", target.acknowledged());
            targets.add(entry);
        }
        json.put("targets", targets);
        json.put("services", services);
        return EndpointResponse.json(200, Json.write(json));
    }

    /** Checks this node's own services now, all at once, each bounded by the answer timeout. */
    private CompletableFuture<List<Object>> ownServices() {
        Member self = engine.members().stream().filter(member -> member.id().equals(engine.self())).findFirst().orElseThrow();
        List<CompletableFuture<Map<String, Object>>> checks = new ArrayList<>();
        for (ServiceSpec service : self.services()) {
            CompletionStage<PeerAnswer> check = engine.isRunning()
                    ? engine.answer(engine.self(), new PeerQuestion.CheckTarget(TargetId.service(self.id(), service.id())))
                    : CompletableFuture.failedFuture(new IllegalStateException("not running"));
            checks.add(within(check).handle((answer, failure) -> serviceEntry(service, answer, failure)));
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> checks.stream().map(check -> (Object) check.join()).toList());
    }

    private static Map<String, Object> serviceEntry(ServiceSpec service, PeerAnswer answer, Throwable failure) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("service", service.id().value());
        entry.put("check", service.toString());
        if (failure == null && answer instanceof PeerAnswer.Checked checked) {
            entry.putAll(PeerJson.result(checked.result()));
        } else {
            entry.put("status", "UNKNOWN");
            entry.put("reason", "not checked: " + (failure == null ? "unexpected answer" : unwrap(failure).getClass().getSimpleName()));
        }
        return entry;
    }

    private CompletableFuture<EndpointResponse> page(EndpointRequest request) {
        if (page == null) {
            return now(EndpointResponse.error(404, "not found"));
        }
        boolean gzip = acceptsGzip(request);
        return (gzip ? page.gzippedHtml() : page.html()).thenApply(html -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Cache-Control", "no-store");
            headers.put("Content-Security-Policy", page.contentSecurityPolicy());
            headers.put("X-Content-Type-Options", "nosniff");
            headers.put("Referrer-Policy", "no-referrer");
            headers.put("Vary", "Accept-Encoding");
            if (gzip) {
                headers.put("Content-Encoding", "gzip");
            }
            return new EndpointResponse(200, "text/html; charset=utf-8", html, headers);
        });
    }

    /** Whether the request's Accept-Encoding names gzip (or *) without {@code q=0}. */
    private static boolean acceptsGzip(EndpointRequest request) {
        return request.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Accept-Encoding"))
                .flatMap(header -> Arrays.stream(header.getValue().toLowerCase(Locale.ROOT).split(",")))
                .map(String::strip)
                .anyMatch(coding -> {
                    String[] parts = coding.split(";");
                    String name = parts[0].strip();
                    boolean refused = Arrays.stream(parts).skip(1).map(String::strip)
                            .anyMatch(parameter -> parameter.replace(" ", "").matches("q=0(\\.0{0,3})?"));
                    return (name.equals("gzip") || name.equals("*")) && !refused;
                });
    }

    private EndpointResponse summary() {
        if (summaries == null) {
            return EndpointResponse.error(404, "this node keeps no summary for status pages");
        }
        return EndpointResponse.json(200, SummaryJson.encodeWithin(summaries.summary(), WireProtocol.MAX_ANSWER_BYTES));
    }

    private EndpointResponse metrics() {
        return new EndpointResponse(200, EndpointResponse.PROMETHEUS,
                PrometheusText.render(engine).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Override
    public String toString() {
        return "EndpointHandler[" + engine.self() + (secret == null ? ", insecure" : ", secret hidden") + "]";
    }

    /** Collects what a handler needs. Not thread-safe. */
    public static final class Builder {
        private final MonitorEngine engine;
        private SharedSecret secret;
        private boolean insecure;
        private boolean metricsNeedSecret;
        private StatusPage page;
        private boolean servePage;

        private Builder(MonitorEngine engine) {
            this.engine = engine;
        }

        /**
         * The secret every node of the farm shares; peer questions and the status need it.
         *
         * @throws IllegalArgumentException if it is shorter than {@value SharedSecret#MIN_LENGTH} characters
         */
        public Builder secret(String secret) {
            this.secret = SharedSecret.of(secret);
            return this;
        }

        /** Answers peer questions from anyone: only for a farm on a network nobody else reaches. */
        public Builder insecure() {
            this.insecure = true;
            return this;
        }

        /** Whether {@code /metrics} needs the secret too; open by default, as Prometheus scrapes expect. */
        public Builder metricsNeedSecret(boolean metricsNeedSecret) {
            this.metricsNeedSecret = metricsNeedSecret;
            return this;
        }

        /** Serves this status page at {@code /} and this node's summary for the pages of other nodes; none by default. */
        public Builder statusPage(StatusPage page) {
            this.page = Objects.requireNonNull(page, "page");
            this.servePage = true;
            return this;
        }

        /**
         * Answers other nodes' status pages with what this node knows (its summary, behind the
         * secret) without serving a page at {@code /}.
         */
        public Builder summariesOnly(StatusPage page) {
            this.page = Objects.requireNonNull(page, "page");
            this.servePage = false;
            return this;
        }

        /**
         * @throws IllegalStateException if neither a secret nor {@link #insecure()} was given
         */
        public EndpointHandler build() {
            if (secret == null && !insecure) {
                throw new IllegalStateException("the status endpoint needs the farm's shared secret: call secret(...),"
                        + " or insecure() for a farm nobody else can reach");
            }
            if (secret == null) {
                LOG.warn("The status endpoint of {} answers peer questions without a secret", engine.self());
            }
            return new EndpointHandler(this);
        }
    }
}
