package io.ringwatch.benchmarks;

import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Measures detection latency over real loopback HTTP: a farm of engines on 127.0.0.1, one node
 * killed at a time (its endpoint refuses connections, its engine stops, as after {@code kill -9}),
 * and the time from the kill to the first ALERT about it, set against the formula
 * interval + (confirmations − 1) × retry + timeout.
 *
 * <pre>
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/ringwatch-benchmarks.jar io.ringwatch.benchmarks.DetectionLatency --runs 50
 * </pre>
 *
 * <p>Each run waits until every node is seen UP by its watchers, kills a victim chosen by
 * {@link Victims}, waits for the alert, boots the victim again on its port with a fresh engine, and waits
 * for the recovery and for the farm to be steady again (every node UP and none flapping, in
 * every watcher's view). Victims rotate so that no node is killed twice in a row: a node killed
 * again and again flaps, and its alert is held back. Every wait is bounded
 * ({@value #STEP_BOUND_SECONDS} s for an alert or a recovery, {@value #SETTLE_BOUND_SECONDS} s
 * to settle). One progress line per run, then a summary, all on standard
 * output.
 *
 * <p>Exit status: 0 when every run got its alert and recovery; 1 when one did not; 2 on a bad
 * command line or a harness that threw. Not thread-safe; runs on the main thread.
 */
public final class DetectionLatency {
    /** The engines' cycle jitter: each cycle starts up to interval × jitter late. */
    static final double JITTER = 0.1;
    static final long STEP_BOUND_SECONDS = 15;
    /** How long the farm may take to be steady again: long enough for a flapping node to settle. */
    static final long SETTLE_BOUND_SECONDS = 30;
    private static final Duration STEP_BOUND = Duration.ofSeconds(STEP_BOUND_SECONDS);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(SETTLE_BOUND_SECONDS);

    private final LatencyOptions options;
    private final PrintStream out;
    private final Victims victims;

    private DetectionLatency(LatencyOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.victims = new Victims(options.nodes(), options.seed());
    }

    /**
     * Runs the harness described by {@code args}; see {@code --help}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        LatencyOptions options;
        try {
            options = LatencyOptions.parse(args);
        } catch (Options.HelpRequested help) {
            System.out.println(LatencyOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LatencyOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            System.exit(new DetectionLatency(options, System.out).run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted");
            System.exit(2);
        } catch (RuntimeException | Error e) {
            System.err.println("harness failed: " + e);
            e.printStackTrace(System.err);
            System.exit(2);
        }
    }

    /** The farm's timings: the options' check timings, and the rest tightened to match a 1 s interval. */
    static MonitorConfig config(LatencyOptions options) {
        return MonitorConfig.custom()
                .interval(options.interval())
                .jitter(JITTER)
                .timeout(options.timeout())
                .retryInterval(options.retry())
                .confirmations(options.confirmations())
                .recoveries(2)
                .peerTimeout(Duration.ofSeconds(1))
                .handoffDelay(Duration.ofMillis(300))
                .notifierTimeout(Duration.ofSeconds(2))
                .build();
    }

    private int run() throws InterruptedException {
        out.println("# ringwatch detection latency over loopback HTTP: " + options.describe() + " jitter=" + JITTER);
        out.println("# " + Machine.describe());
        List<LatencyRun> runs = new ArrayList<>();
        try (LoopbackFarm farm = LoopbackFarm.start(options.nodes(), config(options), options.seed())) {
            for (int number = 1; number <= options.runs(); number++) {
                LatencyRun run = once(farm, number);
                runs.add(run);
                out.println(run.line(options.runs()));
                out.flush();
            }
        }
        LatencySummary summary = new LatencySummary(options, JITTER, runs);
        summary.lines().forEach(out::println);
        return summary.allWell() ? 0 : 1;
    }

    /** One kill, alert, restart and recovery. */
    private LatencyRun once(LoopbackFarm farm, int number) throws InterruptedException {
        LoopbackNode victim = farm.nodes().get(victims.next());
        String name = victim.id().value();
        if (!LoopbackFarm.await(farm::isSteady, SETTLE_BOUND)) {
            return new LatencyRun(number, name, "the farm was not steady within " + SETTLE_BOUND_SECONDS + " s; nothing killed",
                    false, null, -1, -1, 0, 0, 0);
        }
        Arrivals arrivals = farm.arrivals();
        TargetId target = TargetId.node(victim.id());
        long killedAt = System.nanoTime();
        victim.kill();
        boolean alerted = LoopbackFarm.await(() -> arrivals.first(NotificationKind.ALERT, target, killedAt).isPresent(), STEP_BOUND);
        Optional<Arrivals.Arrival> alert = arrivals.first(NotificationKind.ALERT, target, killedAt);
        long bootedAt = System.nanoTime();
        farm.boot(victim);
        boolean recovered = LoopbackFarm.await(() -> arrivals.first(NotificationKind.RECOVERY, target, bootedAt).isPresent(),
                STEP_BOUND);
        Optional<Arrivals.Arrival> recovery = arrivals.first(NotificationKind.RECOVERY, target, bootedAt);
        boolean steady = LoopbackFarm.await(farm::isSteady, SETTLE_BOUND);
        long endedAt = System.nanoTime();

        int alerts = 0;
        int stray = 0;
        int flapping = 0;
        for (Arrivals.Arrival arrival : arrivals.between(killedAt, endedAt)) {
            if (arrival.notification().kind() == NotificationKind.FLAPPING) {
                flapping++;
            } else if (arrival.notification().kind() == NotificationKind.ALERT) {
                if (arrival.notification().target().equals(target)) {
                    alerts++;
                } else {
                    stray++;
                }
            }
        }
        String alerter = alert.map(arrival -> arrival.notification().observer().value()).orElse(null);
        long latency = alert.map(arrival -> arrival.nanos() - killedAt).orElse(-1L);
        long recoveryTime = recovery.map(arrival -> arrival.nanos() - bootedAt).orElse(-1L);
        String failure = !alerted ? "no alert within " + STEP_BOUND_SECONDS + " s"
                : !recovered ? "no recovery within " + STEP_BOUND_SECONDS + " s of the restart"
                : !steady ? "the farm was not steady again within " + SETTLE_BOUND_SECONDS + " s"
                : null;
        return new LatencyRun(number, name, failure, !alerted, alerter, latency, recoveryTime, alerts, stray, flapping);
    }
}
