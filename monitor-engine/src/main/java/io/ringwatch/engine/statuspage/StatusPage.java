package io.ringwatch.engine.statuspage;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.membership.Member;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's status page as one node serves it: it asks every other node that runs an engine
 * for its {@link NodeSummary} (at most {@link #PEER_TIMEOUT} each, all at once), adds its own,
 * puts them together ({@link FarmStatus}) and renders a read-only HTML page that refreshes
 * itself. What was gathered and rendered is reused for {@code cacheFor} (5 s by default); after
 * that, the page last made is served while one new gathering is under way, so a busy page
 * costs the farm one round of questions every few seconds and no visitor waits for a silent
 * node. Nodes the engine sees down are not asked. The page holds no secret, address, URL or probe reason: only
 * node and service names, states, times, figures, and what people wrote about incidents.
 * Thread-safe.
 *
 * <pre>{@code
 * UptimeHistory history = UptimeHistory.create();
 * MonitorEngine engine = MonitorEngine.builder()...eventLog(history.keeping(log)).build();
 * StatusPage page = StatusPage.builder(engine, history).title("Acme status").peers(summaries).build();
 * EndpointHandler handler = EndpointHandler.builder(engine).secret(secret).statusPage(page).build();
 * }</pre>
 */
public final class StatusPage {
    /** How long the page waits for another node's summary. */
    public static final Duration PEER_TIMEOUT = Duration.ofSeconds(3);
    /** How often an open page refreshes itself unless told otherwise. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);
    /** How long a gathered page is reused unless told otherwise. */
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(5);
    /** How many days the bars and figures cover. */
    public static final int DAYS = 90;
    /** The title unless one is given. */
    public static final String DEFAULT_TITLE = "Status";
    /** The longest title, in characters. */
    public static final int MAX_TITLE_LENGTH = 120;
    /** The shortest refresh interval. */
    public static final Duration MIN_REFRESH = Duration.ofSeconds(1);
    /** How long this node's figures are reused while no event comes into its history. */
    public static final Duration FIGURES_MAX_AGE = Duration.ofSeconds(15);
    /** How much longer than the peer timeout a whole gathering may take (this node's own figures included). */
    private static final Duration GATHERING_SLACK = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(StatusPage.class);

    private final MonitorEngine engine;
    private final UptimeHistory history;
    private final SummarySource peers;
    private final String title;
    private final Duration refresh;
    private final Duration cacheFor;
    private final Clock clock;
    private final PublicNotes notes;
    private final Object lock = new Object();
    private final Object figuresLock = new Object();
    private final Set<NodeId> unreadablePeers = ConcurrentHashMap.newKeySet();
    private Rendered last;
    private CompletableFuture<Rendered> gathering;
    private NodeFigures figures;
    private Instant figuresAt;
    private long figuresVersion;

    private StatusPage(Builder builder) {
        engine = builder.engine;
        history = builder.history;
        peers = builder.peers;
        title = builder.title;
        refresh = builder.refresh;
        cacheFor = builder.cacheFor;
        clock = builder.clock;
        notes = builder.notes;
    }

    /** Starts a page of {@code engine}, whose uptime comes from {@code history} (fed by the engine's log). */
    public static Builder builder(MonitorEngine engine, UptimeHistory history) {
        return new Builder(Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(history, "history"));
    }

    /** The page's title. */
    public String title() {
        return title;
    }

    /** How often an open page refreshes itself. */
    public Duration refresh() {
        return refresh;
    }

    /** The Content-Security-Policy the page needs: nothing from elsewhere, only its own script. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; style-src 'unsafe-inline'; script-src '" + StatusPageHtml.SCRIPT_HASH
                + "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /**
     * What this node knows, for the node that renders the page. Its figures are made anew when
     * an event came into its history or {@link #FIGURES_MAX_AGE} passed; requests that come
     * meanwhile share them.
     */
    public NodeSummary summary() {
        synchronized (figuresLock) {
            Instant now = clock.instant();
            long version = history.version();
            if (figures == null || version != figuresVersion || now.isBefore(figuresAt)
                    || !now.isBefore(figuresAt.plus(FIGURES_MAX_AGE))) {
                figures = NodeFigures.of(history.events(), now.truncatedTo(ChronoUnit.MILLIS), DAYS);
                figuresAt = now;
                figuresVersion = version;
            }
            return NodeSummary.of(engine.view(), figures);
        }
    }

    /**
     * The farm as every node that answered tells it. Within {@code cacheFor} of the last
     * gathering that is what it was; for {@code refresh} after that, the last one is given at
     * once while a new one is gathered; later (or with {@code cacheFor} zero), a request waits
     * for the new one, {@link #PEER_TIMEOUT} and a little at most.
     */
    public CompletableFuture<FarmStatus> farmStatus() {
        return rendered().thenApply(Rendered::farm);
    }

    /** The page, as UTF-8 HTML. */
    public CompletableFuture<byte[]> html() {
        return rendered().thenApply(Rendered::html);
    }

    /** The page, as UTF-8 HTML compressed with gzip, for browsers that take it (they all do). */
    public CompletableFuture<byte[]> gzippedHtml() {
        return rendered().thenApply(Rendered::gzipped);
    }

    private CompletableFuture<Rendered> rendered() {
        Instant now = clock.instant();
        CompletableFuture<Rendered> started = null;
        CompletableFuture<Rendered> answer;
        synchronized (lock) {
            boolean timeRan = last != null && !now.isBefore(last.gatheredAt());
            if (timeRan && now.isBefore(last.gatheredAt().plus(cacheFor))) {
                return CompletableFuture.completedFuture(last);
            }
            if (gathering == null) {
                started = new CompletableFuture<>();
                gathering = started;
            }
            boolean staleIsFine = timeRan && !cacheFor.isZero() && now.isBefore(last.gatheredAt().plus(cacheFor).plus(refresh));
            answer = staleIsFine ? CompletableFuture.completedFuture(last) : gathering.copy();
        }
        if (started != null) { // the peers are asked outside the lock: a slow source holds up no other request
            CompletableFuture<Rendered> gathered = started;
            gathered.whenComplete((page, failure) -> finished(gathered, page, failure));
            try {
                gather(now).whenComplete((page, failure) -> {
                    if (failure != null) {
                        gathered.completeExceptionally(failure);
                    } else {
                        gathered.complete(page);
                    }
                });
            } catch (RuntimeException failure) {
                gathered.completeExceptionally(failure);
            }
        }
        return answer;
    }

    private void finished(CompletableFuture<Rendered> which, Rendered page, Throwable failure) {
        synchronized (lock) {
            if (page != null) {
                last = page;
            }
            if (gathering == which) {
                gathering = null;
            }
        }
        if (failure != null) {
            LOG.warn("The status page of {} could not be made: {}", engine.self(), failure.toString());
        }
    }

    private CompletableFuture<Rendered> gather(Instant now) {
        NodeId self = engine.self();
        EngineView view = engine.view();
        Duration timeout = PEER_TIMEOUT.compareTo(engine.config().peerTimeout()) < 0 ? PEER_TIMEOUT : engine.config().peerTimeout();
        Map<NodeId, CompletableFuture<NodeSummary>> asked = new TreeMap<>();
        for (Member member : engine.members()) {
            if (!member.runsEngine() || member.id().equals(self) || view.statusOf(TargetId.node(member.id())) == Status.DOWN) {
                continue; // a node seen down would not answer: the page need not wait for it
            }
            CompletableFuture<NodeSummary> answer;
            try {
                answer = peers.summaryOf(member, timeout).toCompletableFuture().copy()
                        .orTimeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (RuntimeException failure) {
                answer = CompletableFuture.failedFuture(failure);
            }
            asked.put(member.id(), answer.handle((summary, failure) -> answered(member.id(), summary, failure)));
        }
        CompletableFuture<NodeSummary> own = CompletableFuture.supplyAsync(this::summary);
        List<CompletableFuture<?>> all = new ArrayList<>(asked.values());
        all.add(own);
        // Bounded as a whole, and merged and rendered on a pool thread, not on whichever thread answered last.
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toMillis() + GATHERING_SLACK.toMillis(), TimeUnit.MILLISECONDS).thenApplyAsync(done -> {
            Map<NodeId, NodeSummary> summaries = new TreeMap<>();
            summaries.put(self, own.join());
            asked.forEach((node, answer) -> {
                NodeSummary summary = answer.join();
                if (summary != null && summary.node().equals(node)) {
                    summaries.put(node, summary);
                }
            });
            FarmStatus farm = FarmStatusMerge.merge(title, self, engine.members(), engine.ring(),
                    now.truncatedTo(ChronoUnit.SECONDS), DAYS, summaries);
            byte[] html = StatusPageHtml.render(farm, refresh, notes).getBytes(StandardCharsets.UTF_8);
            return new Rendered(farm, html, gzip(html), now);
        });
    }

    /** The peer's summary, or null; a summary that cannot be read is worth a warning, once until one can. */
    private NodeSummary answered(NodeId peer, NodeSummary summary, Throwable failure) {
        if (failure == null) {
            unreadablePeers.remove(peer);
            return summary;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IllegalArgumentException && unreadablePeers.add(peer)) {
            LOG.warn("{} sent a summary for the status page that cannot be read, so the page shows nothing it sees: {}",
                    peer, cause.getMessage());
        } else {
            LOG.debug("{} gave no summary for the status page: {}", peer, cause.toString());
        }
        return null;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return out.toByteArray();
    }

    /** A page made: what it shows, as HTML and gzipped HTML, and when it was gathered. */
    private record Rendered(FarmStatus farm, byte[] html, byte[] gzipped, Instant gatheredAt) {
    }

    @Override
    public String toString() {
        return "StatusPage[" + engine.self() + ", refresh " + refresh + "]";
    }

    /** Collects what a page needs. Not thread-safe. */
    public static final class Builder {
        private final MonitorEngine engine;
        private final UptimeHistory history;
        private SummarySource peers = (peer, timeout) -> CompletableFuture.failedFuture(
                new IllegalStateException("no way to ask other nodes was given"));
        private String title = DEFAULT_TITLE;
        private Duration refresh = DEFAULT_REFRESH;
        private Duration cacheFor = DEFAULT_CACHE;
        private Clock clock = Clock.systemUTC();
        private PublicNotes notes = PublicNotes.ALL;

        private Builder(MonitorEngine engine, UptimeHistory history) {
            this.engine = engine;
            this.history = history;
        }

        /** How to ask the other nodes for their summaries; without it the page shows what this node knows. */
        public Builder peers(SummarySource peers) {
            this.peers = Objects.requireNonNull(peers, "peers");
            return this;
        }

        /**
         * The page's title, such as "Acme status".
         *
         * @throws IllegalArgumentException if it is blank or longer than {@value StatusPage#MAX_TITLE_LENGTH} characters
         */
        public Builder title(String title) {
            if (Objects.requireNonNull(title, "title").isBlank() || title.length() > MAX_TITLE_LENGTH) {
                throw new IllegalArgumentException("the status page's title must be 1 to " + MAX_TITLE_LENGTH + " characters");
            }
            this.title = title.strip();
            return this;
        }

        /**
         * How often an open page refreshes itself; 30 s by default.
         *
         * @throws IllegalArgumentException if it is under a second
         */
        public Builder refresh(Duration refresh) {
            if (Objects.requireNonNull(refresh, "refresh").compareTo(MIN_REFRESH) < 0) {
                throw new IllegalArgumentException("the status page cannot refresh more often than every second, not " + refresh);
            }
            this.refresh = refresh;
            return this;
        }

        /**
         * How long what was gathered is reused; 5 s by default, zero to gather for every request.
         *
         * @throws IllegalArgumentException if it is negative
         */
        public Builder cacheFor(Duration cacheFor) {
            if (Objects.requireNonNull(cacheFor, "cacheFor").isNegative()) {
                throw new IllegalArgumentException("cacheFor must not be negative");
            }
            this.cacheFor = cacheFor;
            return this;
        }

        /** How much of what people wrote about incidents the page shows; all of it by default. */
        public Builder notes(PublicNotes notes) {
            this.notes = Objects.requireNonNull(notes, "notes");
            return this;
        }

        /** The clock the page's times come from; the system's UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The page. */
        public StatusPage build() {
            return new StatusPage(this);
        }
    }
}
