package io.ringwatch.benchmarks;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link DetectionLatency} invocation runs, read from its command line in the style of
 * {@link Options}. Every number is bounded, so no invocation can loop for ever: at most
 * {@value #MAX_RUNS} kills, at most {@value #MAX_NODES} nodes, and timings of at most a minute.
 * Immutable.
 *
 * @param runs how many times a node is killed and brought back
 * @param nodes how many engines the loopback farm has
 * @param interval the check interval
 * @param retry the retry interval between confirming checks
 * @param timeout the check timeout
 * @param confirmations how many failed checks in a row make a DOWN
 * @param seed picks the victims and seeds the engines' jitter
 * @param processes whether each node is an agent process, killed with SIGKILL, rather than an engine in this JVM
 * @param agentJar with {@code processes}, the jar to start the agents from; empty for the harness's own jar
 */
record LatencyOptions(int runs, int nodes, Duration interval, Duration retry, Duration timeout, int confirmations,
        long seed, boolean processes, Optional<Path> agentJar) {

    static final int MAX_RUNS = 1000;
    static final int MIN_NODES = 3;
    static final int MAX_NODES = 32;
    static final int MAX_CONFIRMATIONS = 10;
    static final Duration MAX_TIMING = Duration.ofMinutes(1);

    private static final Set<String> FLAGS = Set.of("--runs", "--nodes", "--interval", "--retry", "--timeout",
            "--confirmations", "--seed", "--agent-jar");

    static final String USAGE = """
            usage: java -cp ringwatch-benchmarks.jar io.ringwatch.benchmarks.DetectionLatency [options]
              --runs N            kills, each followed by a restart (default 50)
              --nodes N           engines on 127.0.0.1 (default 5, at least 3)
              --interval T        check interval (default 1s)
              --retry T           retry interval while confirming (default 200ms)
              --timeout T         check timeout (default 500ms)
              --confirmations C   failed checks in a row that make a DOWN (default 2)
              --seed S            picks the victims and seeds the engines' jitter (default 1)
              --processes         each node an agent JVM on 127.0.0.1, killed with SIGKILL
                                  (default: engines in this JVM, their endpoints closed)
              --agent-jar JAR     with --processes, start the agents from JAR
                                  (default: the jar the harness runs from)
              --help              this text
            T is a whole number of milliseconds, with or without "ms", or of seconds with "s".""";

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the flag, if a flag is unknown, lacks its value,
     *         or its value is not a number or a duration in range, or {@code --agent-jar} comes
     *         without {@code --processes}
     */
    static LatencyOptions parse(String... args) {
        int runs = 50;
        int nodes = 5;
        Duration interval = Duration.ofSeconds(1);
        Duration retry = Duration.ofMillis(200);
        Duration timeout = Duration.ofMillis(500);
        int confirmations = 2;
        long seed = 1;
        boolean processes = false;
        Optional<Path> agentJar = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new Options.HelpRequested();
            }
            if (flag.equals("--processes")) {
                processes = true;
                continue;
            }
            String value = OptionValues.valueOf(args, i++, FLAGS);
            switch (flag) {
                case "--runs" -> runs = OptionValues.number(flag, value, 1, MAX_RUNS);
                case "--nodes" -> nodes = OptionValues.number(flag, value, MIN_NODES, MAX_NODES);
                case "--interval" -> interval = duration(flag, value);
                case "--retry" -> retry = duration(flag, value);
                case "--timeout" -> timeout = duration(flag, value);
                case "--confirmations" -> confirmations = OptionValues.number(flag, value, 1, MAX_CONFIRMATIONS);
                case "--seed" -> seed = OptionValues.longNumber(flag, value);
                case "--agent-jar" -> agentJar = Optional.of(path(flag, value));
                default -> throw new IllegalStateException("flag listed but not handled: " + flag);
            }
        }
        if (agentJar.isPresent() && !processes) {
            throw new IllegalArgumentException("--agent-jar goes with --processes");
        }
        return new LatencyOptions(runs, nodes, interval, retry, timeout, confirmations, seed, processes, agentJar);
    }

    /** The bound: interval + (confirmations - 1) x retry + timeout. */
    Duration formulaBound() {
        return interval.plus(retry.multipliedBy(confirmations - 1L)).plus(timeout);
    }

    /** One line naming everything that shapes the work, for the top of the output. */
    String describe() {
        return String.format(Locale.ROOT, "runs=%d nodes=%d interval=%dms retry=%dms timeout=%dms confirmations=%d seed=%d mode=%s",
                runs, nodes, interval.toMillis(), retry.toMillis(), timeout.toMillis(), confirmations, seed,
                processes ? "processes" : "in-jvm");
    }

    private static Duration duration(String flag, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        long millis;
        if (text.endsWith("ms")) {
            millis = OptionValues.longNumber(flag, text.substring(0, text.length() - 2));
        } else if (text.endsWith("s")) {
            millis = Math.multiplyExact(OptionValues.longNumber(flag, text.substring(0, text.length() - 1)), 1000L);
        } else {
            millis = OptionValues.longNumber(flag, text);
        }
        if (millis < 1 || millis > MAX_TIMING.toMillis()) {
            throw new IllegalArgumentException(flag + " must be between 1ms and " + MAX_TIMING.toSeconds() + "s, was " + value);
        }
        return Duration.ofMillis(millis);
    }

    private static Path path(String flag, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(flag + " needs a file path, was '" + value + "'", e);
        }
    }

}
