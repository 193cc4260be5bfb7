package io.ringwatch.samples.host;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.eventlog.EventLogReader;
import io.ringwatch.engine.eventlog.HumanEventFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * A farm of five nodes in one JVM, each running a real {@link io.ringwatch.engine.MonitorEngine}
 * with its status endpoint and its {@code orders-api} on 127.0.0.1, the engines talking real
 * HTTP to each other; node {@code n3} crashes, its watchers alert the support desk through this
 * app's own {@link DeskNotifierProvider desk notifier}, then {@code n3} comes back on the same
 * ports and the recovery is reported. Run it with {@code java -jar embedded-host.jar [event-log-directory]}; it exits 0
 * when the alert and the recovery arrived in time, 1 when not, within about 30 seconds either
 * way.
 *
 * <p>The settings are tightened to seconds (a check every second) so that the demo is short;
 * the defaults check every minute.
 *
 * <p>Holds no state between runs; each {@link #run run} builds and closes a farm of its own.
 */
public final class OutageDemo {
    /** The desk channel's name. */
    public static final String CHANNEL = "ops-desk";
    /** The web service every node hosts. */
    public static final String SERVICE = OrdersApi.ID;
    /** The node that crashes. */
    public static final NodeId CRASHING_NODE = NodeId.of("n3");

    private static final int NODES = 5;
    private static final Duration POLL = Duration.ofMillis(50);
    /** What the story from the event log shows. */
    private static final Set<EventKind> STORY = EnumSet.of(EventKind.PROBE_FAILED, EventKind.STATE_CHANGED,
            EventKind.CHECK_DISPUTED, EventKind.NOTIFICATION_SENT, EventKind.NOTIFICATION_FAILED);

    private final PrintStream out;
    private final Bounds bounds;
    private final MonitorConfig config = config();
    private final Deliveries desk = new Deliveries(CHANNEL);

    /**
     * How long the demo waits for each thing to happen before it gives up. Immutable.
     *
     * @param warmUp for every node to see its partners UP after the start
     * @param detection for the alert after the crash
     * @param recovery for the recovery after the restart
     */
    public record Bounds(Duration warmUp, Duration detection, Duration recovery) {
        /** @throws NullPointerException if an argument is null */
        public Bounds {
            Objects.requireNonNull(warmUp, "warmUp");
            Objects.requireNonNull(detection, "detection");
            Objects.requireNonNull(recovery, "recovery");
        }

        /** Ten seconds each: several times what each takes. */
        public static Bounds ofDefaults() {
            return new Bounds(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
        }
    }

    private record Outcome(String problem, Optional<Duration> detection, Optional<Duration> recovery) {
    }

    private OutageDemo(PrintStream out, Bounds bounds) {
        this.out = out;
        this.bounds = bounds;
    }

    /**
     * Runs the demo.
     *
     * @param args optionally, the directory for the event logs; a new temporary one if absent
     */
    public static void main(String[] args) {
        try {
            Path eventLogs = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ringwatch-demo-");
            OutageReport report = run(eventLogs, Bounds.ofDefaults(), System.out);
            System.exit(report.succeeded() ? 0 : 1);
        } catch (IOException | RuntimeException failure) {
            System.err.println("The demo failed: " + failure);
            failure.printStackTrace();
            System.exit(2);
        } catch (InterruptedException interrupted) {
            System.err.println("The demo was interrupted");
            System.exit(2);
        }
    }

    /**
     * Starts the farm, crashes {@code n3}, restarts it, closes every engine, and tells
     * {@code out} what happened, a few lines per step.
     *
     * @param eventLogs the directory for the event logs (created if missing), one file per node
     * @param bounds how long to wait for each step
     * @param out where the demo's own lines go (the desk notifier prints on standard output)
     * @return what was seen
     * @throws IOException if an event log cannot be opened or read
     * @throws InterruptedException if interrupted while waiting
     */
    public static OutageReport run(Path eventLogs, Bounds bounds, PrintStream out) throws IOException, InterruptedException {
        return new OutageDemo(Objects.requireNonNull(out, "out"), Objects.requireNonNull(bounds, "bounds"))
                .runWith(Objects.requireNonNull(eventLogs, "eventLogs"));
    }

    /** Five nodes, {@code n1} to {@code n5}, in ring order; each hosts {@code orders-api}. */
    static List<NodeId> nodes() {
        return IntStream.rangeClosed(1, NODES).mapToObj(i -> NodeId.of("n" + i)).toList();
    }

    /** The defaults tightened to seconds: a check every second. */
    static MonitorConfig config() {
        return MonitorConfig.custom()
                .interval(Duration.ofSeconds(1))
                .jitter(0.1)
                .timeout(Duration.ofMillis(500))
                .retryInterval(Duration.ofMillis(250))
                .confirmations(2)
                .recoveries(2)
                .peerTimeout(Duration.ofMillis(700))
                .handoffDelay(Duration.ofMillis(300))
                .notifierTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** The worst case for confirming a crash: interval + jitter + (confirmations - 1) × retry interval + timeout. */
    static Duration worstCaseDetection(MonitorConfig config) {
        return config.interval().plus(jitter(config)).plus(config.retryInterval().multipliedBy(config.confirmations() - 1))
                .plus(config.timeout());
    }

    /** The longest a cycle is delayed at random. */
    private static Duration jitter(MonitorConfig config) {
        return Duration.ofMillis(Math.round(config.interval().toMillis() * config.jitter()));
    }

    private OutageReport runWith(Path eventLogs) throws IOException, InterruptedException {
        Files.createDirectories(eventLogs);
        out.println("Ringwatch embedded-host demo: " + NODES + " engines in this JVM watch each other, checking every "
                + seconds(config.interval()) + ".");
        out.println("Alerts go to the '" + CHANNEL + "' channel: this app's own DeskNotifier, found through ServiceLoader.");
        Outcome outcome;
        try (DemoFarm farm = new DemoFarm(nodes(), config, eventLogs, CHANNEL, desk)) {
            out.println("Each node has a status endpoint and an " + SERVICE + " on 127.0.0.1; the engines talk HTTP"
                    + " with a shared secret:");
            farm.addresses().forEach(line -> out.println("   " + line));
            out.println();
            outcome = play(farm);
        }
        OutageReport report = new OutageReport(outcome.problem(), desk.all(), outcome.detection(),
                worstCaseDetection(config), outcome.recovery(), eventLogs.toAbsolutePath());
        summarize(report);
        return report;
    }

    private Outcome play(DemoFarm farm) throws IOException, InterruptedException {
        Instant started = Instant.now();
        farm.startAll();
        out.println("1. Started " + NODES + " engines. Each node watches the next " + config.partners() + " in the ring:");
        out.println("   " + String.join("   ", farm.ring()));
        if (!eventually(farm::everyNodeSeesItsPartnersUp, bounds.warmUp())) {
            return gaveUp("every node seeing its partners UP", bounds.warmUp(), farm, Optional.empty());
        }
        out.println("   Every node sees its partners and their " + SERVICE + " UP, "
                + seconds(Duration.between(started, Instant.now())) + " after the start.");
        out.println();

        TargetId crashing = TargetId.node(CRASHING_NODE);
        out.println("2. Crashing " + CRASHING_NODE + ": its status endpoint and " + SERVICE
                + " stop at once and its engine closes, so connections to " + CRASHING_NODE + " are refused.");
        Instant crashedAt = Instant.now();
        farm.crash(CRASHING_NODE);
        Optional<Event> alert = desk.await(NotificationKind.ALERT, crashing, bounds.detection());
        if (alert.isEmpty()) {
            return gaveUp("alert for " + CRASHING_NODE + " on " + CHANNEL, bounds.detection(), farm, Optional.empty());
        }
        Duration detection = Duration.between(crashedAt, alert.get().at());
        out.println("   The alert reached " + CHANNEL + " from " + alert.get().observer() + ", " + seconds(detection)
                + " after the crash.");
        out.println();

        out.println("3. Restarting " + CRASHING_NODE + " on the same ports with a fresh engine, as after a reboot.");
        Instant restartedAt = Instant.now();
        farm.restart(CRASHING_NODE);
        Optional<Event> recovered = desk.await(NotificationKind.RECOVERY, crashing, bounds.recovery());
        if (recovered.isEmpty()) {
            return gaveUp("recovery of " + CRASHING_NODE + " on " + CHANNEL, bounds.recovery(), farm, Optional.of(detection));
        }
        Duration recovery = Duration.between(restartedAt, recovered.get().at());
        out.println("   The recovery reached " + CHANNEL + " from " + recovered.get().observer() + ", " + seconds(recovery)
                + " after the restart.");
        out.println();
        return new Outcome("", Optional.of(detection), Optional.of(recovery));
    }

    /** Tells what did not happen in time and what each engine sees instead. */
    private Outcome gaveUp(String what, Duration bound, DemoFarm farm, Optional<Duration> detection) {
        String problem = "no " + what + " within " + seconds(bound);
        out.println("   Gave up: " + problem + ". What each engine sees now:");
        farm.describe().forEach(line -> out.println("     " + line));
        return new Outcome(problem, detection, Optional.empty());
    }

    /** Prints what reached the desk, how fast, and the story of the outage from the alerting node's event log. */
    private void summarize(OutageReport report) throws IOException {
        out.println("Summary");
        out.println("   Delivered to " + CHANNEL + ": " + report.deliveries().size() + " notification(s)");
        report.deliveries().forEach(event -> out.println("     " + event.observer() + " sent "
                + event.attribute("notification").orElse("?") + ": " + event.target().describe(String.valueOf(event.status()))));
        report.detection().ifPresent(detection -> out.println("   Detection took " + seconds(detection) + "; at most "
                + seconds(report.detectionBound()) + " by the formula interval " + seconds(config.interval()) + " + jitter "
                + seconds(jitter(config)) + " + ("
                + config.confirmations() + " - 1) x retry " + seconds(config.retryInterval()) + " + timeout "
                + seconds(config.timeout()) + "."));
        Optional<NodeId> alerter = report.deliveries().stream()
                .filter(event -> Deliveries.is(event, NotificationKind.ALERT, TargetId.node(CRASHING_NODE)))
                .map(Event::observer).findFirst();
        if (alerter.isPresent()) {
            Path log = report.eventLogs().resolve(alerter.get() + ".jsonl");
            out.println("   The outage in " + alerter.get() + "'s event log:");
            EventLogReader.read(log).events().stream()
                    .filter(event -> STORY.contains(event.kind()) && TargetId.node(CRASHING_NODE).equals(event.target()))
                    .forEach(event -> out.println("     " + HumanEventFormat.format(event)));
        }
        out.println("   Event logs (JSON lines, one file per node): " + report.eventLogs());
        out.println(report.succeeded() ? "Done: every engine is closed." : "FAILED: " + report.problem() + ".");
    }

    /** Polls {@code condition} until it holds or {@code bound} has passed. */
    private static boolean eventually(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    /** {@code 1 s}, {@code 0.25 s}, {@code 1.85 s}: to the hundredth, without trailing zeros. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " s";
    }
}
