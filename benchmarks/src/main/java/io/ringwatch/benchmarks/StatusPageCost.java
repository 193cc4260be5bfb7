package io.ringwatch.benchmarks;

import io.ringwatch.api.Event;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.peer.Transport;
import io.ringwatch.engine.statuspage.NodeSummary;
import io.ringwatch.engine.statuspage.StatusPage;
import io.ringwatch.engine.statuspage.SummaryJson;
import io.ringwatch.engine.statuspage.UptimeHistory;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the status page costs on one node, for generated event histories of a realistic and of a
 * worst-case size ({@link EventHistory}, {@link PageOptions}):
 * <ul>
 *   <li>the history: how many events were generated, how many the {@link UptimeHistory} kept
 *       under its caps, and from when its figures are complete;</li>
 *   <li>{@code summary}: {@code NodeSummary.of(view, history.events(), to, 90)}, the figures a node
 *       makes for the page at most every 15 s, {@code history.events()} included;</li>
 *   <li>{@code encode}: {@code SummaryJson.encode} of it, its size, and the size of
 *       {@code SummaryJson.encodeWithin(summary, 256 KiB)}, what a node actually sends;
 *       {@code decode}: what the rendering node pays to read one such answer;</li>
 *   <li>{@code page}: the whole page of a farm of M members on a real {@link MonitorEngine} (not
 *       started) whose peers answer at once with prebuilt summaries (made from their own
 *       histories, encoded within the limit and decoded, as over the wire); the page's cache is
 *       zero and each repetition uses a new page, so each call gathers, merges, renders and
 *       gzips. Measured with this node's figures made in the call ({@code page+figures}) and with
 *       them already made ({@code page}, the 15 s reuse), and its HTML and gzipped sizes.</li>
 * </ul>
 * Each scenario does its warm-ups, then its measured repetitions, each repetition running every
 * measurement once in turn, so drift on a noisy machine touches all alike. Times are wall
 * milliseconds, summarised by nearest rank ({@link Percentiles}).
 *
 * <pre>
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/ringwatch-benchmarks.jar io.ringwatch.benchmarks.StatusPageCost
 * </pre>
 *
 * <p>Exit status: 0, or 2 on a bad command line or a harness that failed. Not thread-safe;
 * runs on the main thread (the page's own summary runs on the common pool, as in the agent).
 */
public final class StatusPageCost {
    /** The end of every history and the page's clock: fixed, so the figures are the same in every run. */
    static final Instant END = Instant.parse("2026-12-07T14:05:17.250Z");
    /** What a node sends at most as its summary. */
    static final int ANSWER_LIMIT = 256 * 1024;
    /** The longest one page may take before the harness gives up. */
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    private final PageOptions options;
    private final PrintStream out;

    private StatusPageCost(PageOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the harness described by {@code args}; see {@code --help}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PageOptions options;
        try {
            options = PageOptions.parse(args);
        } catch (Options.HelpRequested help) {
            System.out.println(PageOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(PageOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new StatusPageCost(options, System.out).run();
            System.exit(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted");
            System.exit(2);
        } catch (RuntimeException | Error | ExecutionException | TimeoutException e) {
            System.err.println("harness failed: " + e);
            e.printStackTrace(System.err);
            System.exit(2);
        }
    }

    private void run() throws InterruptedException, ExecutionException, TimeoutException {
        out.println("# ringwatch status page cost on one node: " + options.describe());
        out.println("# " + Machine.describe());
        out.flush();
        for (PageOptions.HistorySize size : options.histories()) {
            out.println(scenario(size));
            out.flush();
        }
    }

    /** One history size: set up the farm and the histories, warm up, measure; the result line. */
    private String scenario(PageOptions.HistorySize size) throws InterruptedException, ExecutionException, TimeoutException {
        long setupStarted = System.nanoTime();
        List<Member> members = members(options.members(), size.servicesPerPartner());
        try (MonitorEngine engine = MonitorEngine.builder().self(members.get(0).id()).members(members)
                .transport(unreachable()).eventLog(new InMemoryEventLog()).build()) {
            NodeId self = engine.self();
            List<NodeId> watching = engine.ring().watchList(self, node -> false);
            List<Event> events = EventHistory.generate(self, EventHistory.targets(watching, size.servicesPerPartner()),
                    options.days(), size.flapsPerDay(), END, options.seed());
            UptimeHistory history = UptimeHistory.create();
            long feedStarted = System.nanoTime();
            events.forEach(history::record);
            double feedMs = millisSince(feedStarted);
            int kept = history.events().size();
            EngineView view = view(self, watching, history.events());

            Map<NodeId, NodeSummary> peers = new HashMap<>();
            for (int i = 1; i < members.size(); i++) {
                NodeId peer = members.get(i).id();
                List<NodeId> theirs = engine.ring().watchList(peer, node -> false);
                UptimeHistory their = UptimeHistory.create();
                EventHistory.generate(peer, EventHistory.targets(theirs, size.servicesPerPartner()), options.days(),
                        size.flapsPerDay(), END, options.seed() + i).forEach(their::record);
                List<Event> theirEvents = their.events();
                NodeSummary summary = NodeSummary.of(view(peer, theirs, theirEvents), theirEvents, END, StatusPage.DAYS);
                peers.put(peer, SummaryJson.decode(SummaryJson.encodeWithin(summary, ANSWER_LIMIT)));
            }
            double setupSeconds = millisSince(setupStarted) / 1000;
            System.err.printf(Locale.ROOT, "# %s: set up in %.1f s, measuring%n", size.name(), setupSeconds);

            Clock clock = Clock.fixed(END, ZoneOffset.UTC);
            Supplier<StatusPage> page = () -> StatusPage.builder(engine, history).title("Ringwatch status")
                    .cacheFor(Duration.ZERO).clock(clock)
                    .peers((peer, timeout) -> CompletableFuture.completedFuture(peers.get(peer.id()))).build();

            Samples summaryMs = new Samples();
            Samples encodeMs = new Samples();
            Samples withinMs = new Samples();
            Samples decodeMs = new Samples();
            Samples pageFiguresMs = new Samples();
            Samples pageMs = new Samples();
            Samples gzippedMs = new Samples();
            int jsonBytes = 0;
            int withinBytes = 0;
            int htmlBytes = 0;
            int gzippedBytes = 0;
            int runs = 0;
            long measureStarted = 0;
            for (int rep = 0; rep < options.warmups() + options.runs(); rep++) {
                boolean measured = rep >= options.warmups();
                if (rep == options.warmups()) {
                    measureStarted = System.nanoTime();
                } else if (measured && System.nanoTime() - measureStarted > options.budget().toNanos()) {
                    break;
                }
                long t = System.nanoTime();
                NodeSummary summary = NodeSummary.of(view, history.events(), END, StatusPage.DAYS);
                double summaryTime = millisSince(t);
                t = System.nanoTime();
                String json = SummaryJson.encode(summary);
                double encodeTime = millisSince(t);
                t = System.nanoTime();
                String within = SummaryJson.encodeWithin(summary, ANSWER_LIMIT);
                double withinTime = millisSince(t);
                t = System.nanoTime();
                SummaryJson.decode(within);
                double decodeTime = millisSince(t);

                StatusPage cold = page.get();
                t = System.nanoTime();
                byte[] html = cold.html().get(PAGE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                double pageFiguresTime = millisSince(t);

                StatusPage warm = page.get();
                warm.summary(); // this node's figures made beforehand: the page reuses them, as within 15 s
                t = System.nanoTime();
                warm.html().get(PAGE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                double pageTime = millisSince(t);

                StatusPage zipped = page.get();
                zipped.summary();
                t = System.nanoTime();
                byte[] gzipped = zipped.gzippedHtml().get(PAGE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                double gzippedTime = millisSince(t);

                if (measured) {
                    runs++;
                    summaryMs.add(summaryTime);
                    encodeMs.add(encodeTime);
                    withinMs.add(withinTime);
                    decodeMs.add(decodeTime);
                    pageFiguresMs.add(pageFiguresTime);
                    pageMs.add(pageTime);
                    gzippedMs.add(gzippedTime);
                    jsonBytes = json.getBytes(StandardCharsets.UTF_8).length;
                    withinBytes = within.getBytes(StandardCharsets.UTF_8).length;
                    htmlBytes = html.length;
                    gzippedBytes = gzipped.length;
                }
            }
            return String.format(Locale.ROOT,
                    "%s targets=%d flaps/day=%d days=%d members=%d runs=%d | events=%d kept=%d completeSince=%s feed=%.0fms"
                            + " setup=%.1fs | summary ms %s | encode ms %s json=%s | within256KiB ms %s json=%s"
                            + " | decode ms %s | page+figures ms %s | page ms %s | gzippedHtml ms %s | html=%s gzip=%s",
                    size.name(), size.targets(), size.flapsPerDay(), options.days(), options.members(), runs, events.size(), kept,
                    history.completeSince().map(Instant::toString).orElse("none"), feedMs, setupSeconds, summaryMs, encodeMs,
                    bytes(jsonBytes), withinMs, bytes(withinBytes), decodeMs, pageFiguresMs, pageMs, gzippedMs,
                    bytes(htmlBytes), bytes(gzippedBytes));
        }
    }

    /** Members n1...nM on made-up loopback endpoints, each with {@code services} services. */
    static List<Member> members(int count, int services) {
        List<Member> members = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ServiceSpec[] specs = new ServiceSpec[services];
            for (int s = 1; s <= services; s++) {
                specs[s - 1] = ServiceSpec.http(EventHistory.serviceId(s).value(), "http://127.0.0.1:9/" + s);
            }
            members.add(Member.of("n" + n, "http://127.0.0.1:" + (17_000 + n), specs));
        }
        return List.copyOf(members);
    }

    /** The view of a node that sees every target it watches in the state its last change put it in. */
    static EngineView view(NodeId self, List<NodeId> watching, List<Event> events) {
        Map<TargetId, EngineView.TargetView> last = new HashMap<>();
        for (Event event : events) {
            if (event.kind() == io.ringwatch.api.EventKind.STATE_CHANGED && event.target() != null && event.status() != null) {
                last.put(event.target(), new EngineView.TargetView(event.target(), event.status(), event.at(), "HTTP 200",
                        false, null, false));
            }
        }
        return new EngineView(self, Status.UP, "", watching, List.copyOf(last.values()));
    }

    private static Transport unreachable() {
        return new Transport() {
            @Override
            public CompletableFuture<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout) {
                return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.REFUSED, "benchmark"));
            }

            @Override
            public CompletableFuture<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
                return CompletableFuture.completedFuture(new ServiceResponse.NotReceived(NoAnswer.REFUSED, "benchmark", Duration.ZERO));
            }
        };
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String bytes(int bytes) {
        return bytes < 10 * 1024 ? bytes + "B" : String.format(Locale.ROOT, "%.1fKiB", bytes / 1024.0);
    }

    /** Measured times in ms, shown as median, p90 and max by nearest rank. */
    private static final class Samples {
        private final List<Double> values = new ArrayList<>();

        void add(double value) {
            values.add(value);
        }

        @Override
        public String toString() {
            if (values.isEmpty()) {
                return "n/a";
            }
            double[] all = values.stream().mapToDouble(Double::doubleValue).toArray();
            return String.format(Locale.ROOT, "p50=%s p90=%s max=%s", ms(Percentiles.nearestRank(all, 50)),
                    ms(Percentiles.nearestRank(all, 90)), ms(Percentiles.nearestRank(all, 100)));
        }

        private static String ms(double value) {
            return value < 10 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.0f", value);
        }
    }
}
