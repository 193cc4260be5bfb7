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
 * Measures detection latency over real loopback HTTP: a farm of nodes on 127.0.0.1, one node
 * killed at a time, and the time from the kill to the first ALERT about it, set against the
 * issue's formula interval + (confirmations − 1) × retry + timeout.
 *
 * <pre>
 * mvn -B -q package -pl monitor-agent,benchmarks -am -DskipTests
 * java -cp benchmarks/target/ringwatch-benchmarks.jar io.ringwatch.benchmarks.DetectionLatency --runs 50
 * java -cp benchmarks/target/ringwatch-benchmarks.jar io.ringwatch.benchmarks.DetectionLatency --processes --runs 50
 * </pre>
 *
 * <p>Two kinds of farm ({@link LatencyFarm}): by default engines in this JVM ({@link LoopbackFarm}),
 * a kill closing the node's endpoint and then its engine; with {@code --processes} one agent
 * JVM per node ({@link AgentFarm}), a kill being SIGKILL and the alert coming through the agent's
 * webhook channel.
 *
 * <p>Each run waits until every node is seen UP by its watchers, kills a victim chosen by
 * {@link Victims}, waits for the alert, with processes keeps the victim down a little longer so
 * that a second alert would be seen, boots the victim again on its port, and waits for the
 * recovery and for the farm to be steady again (every node UP and none flapping, in every
 * watcher's view). Victims rotate so that no node is killed twice in a row: a node killed again
 * and again flaps, and its alert is held back. Every wait is bounded ({@link RunBounds}). One
 * progress line per run, then a summary, all on standard output.
 *
 * <p>Exit status: 0 when every run got its alert and recovery; 1 when one did not; 2 on a bad
 * command line or a harness that threw. Not thread-safe; runs on the main thread.
 */
public final class DetectionLatency {
    /** The in-JVM engines' cycle jitter: each cycle starts up to interval × jitter late. */
    static final double JITTER = 0.1;

    private final LatencyOptions options;
    private final PrintStream out;
    private final Victims victims;
    private final RunBounds bounds;

    private DetectionLatency(LatencyOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.victims = new Victims(options.nodes(), options.seed());
        this.bounds = options.processes() ? RunBounds.PROCESSES : RunBounds.IN_JVM;
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

    /** The in-JVM farm's timings: the options' check timings, and the rest tightened to match a 1 s interval. */
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
        double jitter = options.processes() ? MonitorConfig.DEFAULT_JITTER : JITTER;
        out.println("# ringwatch detection latency over loopback HTTP: " + options.describe() + " jitter=" + jitter);
        out.println("# " + Machine.describe());
        List<LatencyRun> runs = new ArrayList<>();
        try (LatencyFarm farm = startFarm()) {
            for (int number = 1; number <= options.runs(); number++) {
                LatencyRun run = once(farm, number);
                runs.add(run);
                out.println(run.line(options.runs()));
                out.flush();
            }
        }
        LatencySummary summary = new LatencySummary(options, jitter, runs);
        summary.lines().forEach(out::println);
        return summary.allWell() ? 0 : 1;
    }

    private LatencyFarm startFarm() throws InterruptedException {
        if (!options.processes()) {
            return LoopbackFarm.start(options.nodes(), config(options), options.seed());
        }
        AgentFarm farm = AgentFarm.prepare(options, AgentJvm.jar(options.agentJar()));
        out.println("# agents' configs, event logs and output in " + farm.directory());
        out.flush();
        farm.start();
        return farm;
    }

    /** One kill, alert, restart and recovery. */
    private LatencyRun once(LatencyFarm farm, int number) throws InterruptedException {
        int index = victims.next();
        String name = farm.nodes().get(index).value();
        if (!Polling.until(farm::isSteady, bounds.settle(), bounds.poll())) {
            return new LatencyRun(number, name, "the farm was not steady within " + seconds(bounds.settle()) + "; nothing killed",
                    false, null, -1, -1, 0, 0, 0);
        }
        Arrivals arrivals = farm.arrivals();
        TargetId target = TargetId.node(farm.nodes().get(index));
        long killedAt = System.nanoTime();
        farm.kill(index);
        boolean alerted = Polling.until(() -> arrivals.first(NotificationKind.ALERT, target, killedAt).isPresent(), bounds.alert(),
                bounds.poll());
        Optional<Arrivals.Arrival> alert = arrivals.first(NotificationKind.ALERT, target, killedAt);
        if (alerted && !bounds.duplicateWindow().isZero()) {
            Thread.sleep(bounds.duplicateWindow().toMillis());
        }
        long bootedAt = System.nanoTime();
        farm.boot(index);
        boolean recovered = Polling.until(() -> arrivals.first(NotificationKind.RECOVERY, target, bootedAt).isPresent(),
                bounds.recovery(), bounds.poll());
        Optional<Arrivals.Arrival> recovery = arrivals.first(NotificationKind.RECOVERY, target, bootedAt);
        boolean steady = Polling.until(farm::isSteady, bounds.settle(), bounds.poll());
        long endedAt = System.nanoTime();

        int alerts = 0;
        int stray = 0;
        int flapping = 0;
        for (Arrivals.Arrival arrival : arrivals.between(killedAt, endedAt)) {
            if (arrival.kind() == NotificationKind.FLAPPING) {
                flapping++;
            } else if (arrival.kind() == NotificationKind.ALERT) {
                if (arrival.target().equals(target)) {
                    alerts++;
                } else {
                    stray++;
                }
            }
        }
        String alerter = alert.map(arrival -> arrival.observer().value()).orElse(null);
        long latency = alert.map(arrival -> arrival.nanos() - killedAt).orElse(-1L);
        long recoveryTime = recovery.map(arrival -> arrival.nanos() - bootedAt).orElse(-1L);
        String failure = !alerted ? "no alert within " + seconds(bounds.alert())
                : !recovered ? "no recovery within " + seconds(bounds.recovery()) + " of the restart"
                : !steady ? "the farm was not steady again within " + seconds(bounds.settle())
                : null;
        return new LatencyRun(number, name, failure, !alerted, alerter, latency, recoveryTime, alerts, stray, flapping);
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
