package io.ringwatch.engine.statuspage;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.membership.Member;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's status page as one node serves it: it asks every other node that runs an engine
 * for its {@link NodeSummary} (at most {@link #PEER_TIMEOUT} each, all at once), adds its own,
 * puts them together ({@link FarmStatus}) and renders a read-only HTML page that refreshes
 * itself. What was gathered is reused for {@code cacheFor} (5 s by default), and requests that
 * come while a gathering is under way wait for it, so a busy page costs the farm one round of
 * questions every few seconds. The page holds no secret, address, URL or probe reason: only
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

    private static final Logger LOG = LoggerFactory.getLogger(StatusPage.class);

    private final MonitorEngine engine;
    private final UptimeHistory history;
    private final SummarySource peers;
    private final String title;
    private final Duration refresh;
    private final Duration cacheFor;
    private final Clock clock;
    private final Object lock = new Object();
    private CompletableFuture<FarmStatus> gathering;
    private Instant gatheredAt;
    private NodeSummary ownSummary;

    private StatusPage(Builder builder) {
        engine = builder.engine;
        history = builder.history;
        peers = builder.peers;
        title = builder.title;
        refresh = builder.refresh;
        cacheFor = builder.cacheFor;
        clock = builder.clock;
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

    /** What this node knows, for the node that renders the page (reused for {@code cacheFor}). */
    public NodeSummary summary() {
        Instant now = clock.instant();
        synchronized (lock) {
            if (ownSummary != null && now.isBefore(ownSummary.to().plus(cacheFor))) {
                return ownSummary;
            }
        }
        NodeSummary summary = NodeSummary.of(engine.view(), history.events(), now.truncatedTo(ChronoUnit.MILLIS), DAYS);
        synchronized (lock) {
            ownSummary = summary;
        }
        return summary;
    }

    /** The farm as every node that answered tells it; completes within {@link #PEER_TIMEOUT} and a little. */
    public CompletableFuture<FarmStatus> farmStatus() {
        Instant now = clock.instant();
        synchronized (lock) {
            if (gathering != null && (!gathering.isDone() || now.isBefore(gatheredAt.plus(cacheFor)))) {
                return gathering;
            }
            gatheredAt = now;
            gathering = gather(now);
            return gathering;
        }
    }

    /** The page, as UTF-8 HTML. */
    public CompletableFuture<byte[]> html() {
        return farmStatus().thenApply(farm -> StatusPageHtml.render(farm, refresh).getBytes(StandardCharsets.UTF_8));
    }

    private CompletableFuture<FarmStatus> gather(Instant now) {
        NodeId self = engine.self();
        Map<NodeId, CompletableFuture<NodeSummary>> asked = new TreeMap<>();
        for (Member member : engine.members()) {
            if (member.runsEngine() && !member.id().equals(self)) {
                CompletableFuture<NodeSummary> answer;
                try {
                    answer = peers.summaryOf(member, PEER_TIMEOUT).toCompletableFuture()
                            .orTimeout(PEER_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
                } catch (RuntimeException failure) {
                    answer = CompletableFuture.failedFuture(failure);
                }
                asked.put(member.id(), answer.exceptionally(failure -> {
                    LOG.debug("{} gave no summary for the status page: {}", member.id(), failure.toString());
                    return null;
                }));
            }
        }
        CompletableFuture<NodeSummary> own = CompletableFuture.supplyAsync(this::summary);
        List<CompletableFuture<?>> all = new ArrayList<>(asked.values());
        all.add(own);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<NodeId, NodeSummary> summaries = new TreeMap<>();
            summaries.put(self, own.join());
            asked.forEach((node, answer) -> {
                NodeSummary summary = answer.join();
                if (summary != null && summary.node().equals(node)) {
                    summaries.put(node, summary);
                }
            });
            return FarmStatusMerge.merge(title, self, engine.members(), engine.ring(), now.truncatedTo(ChronoUnit.SECONDS),
                    DAYS, summaries);
        });
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
        private String title = "Status";
        private Duration refresh = DEFAULT_REFRESH;
        private Duration cacheFor = DEFAULT_CACHE;
        private Clock clock = Clock.systemUTC();

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
         * @throws IllegalArgumentException if it is blank or longer than 120 characters
         */
        public Builder title(String title) {
            if (Objects.requireNonNull(title, "title").isBlank() || title.length() > 120) {
                throw new IllegalArgumentException("the status page's title must be 1 to 120 characters");
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
            if (Objects.requireNonNull(refresh, "refresh").compareTo(Duration.ofSeconds(1)) < 0) {
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
