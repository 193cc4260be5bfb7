package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One agent JVM: {@code java -cp JAR io.ringwatch.agent.Main run --config FILE}, its standard
 * output and error appended to a log file. Its log settings are given on the command line, the
 * agent's own ({@code info}, with timestamps), so that it logs the same whether it is started
 * from the agent's jar or from the benchmarks' jar, whose {@code simplelogger.properties} is
 * the benchmark's quiet one. Thread-safe: {@link Process} is.
 */
final class AgentJvm {
    static final String MAIN_CLASS = "io.ringwatch.agent.Main";
    /** How long a SIGKILLed agent may take to be gone. */
    static final Duration DEATH_BOUND = Duration.ofSeconds(10);
    private static final List<String> LOGGING = List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "-Dorg.slf4j.simpleLogger.showThreadName=false",
            "-Dorg.slf4j.simpleLogger.showShortLogName=true",
            "-Dorg.slf4j.simpleLogger.levelInBrackets=false");

    private final NodeId node;
    private final Process process;

    private AgentJvm(NodeId node, Process process) {
        this.node = node;
        this.process = process;
    }

    /**
     * Starts {@code node}'s agent.
     *
     * @param jar a jar that holds the agent and everything it needs
     * @param environment added to this JVM's environment
     * @param log the file its output is appended to
     * @throws UncheckedIOException if the JVM cannot be started
     */
    static AgentJvm start(Path jar, NodeId node, Path config, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"));
        command.addAll(LOGGING);
        command.addAll(List.of("-cp", jar.toString(), MAIN_CLASS, "run", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new AgentJvm(node, builder.start());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the agent of " + node, failure);
        }
    }

    /**
     * The jar to start agents from: {@code given}, or else the jar this class was loaded from
     * (the shaded benchmarks jar holds the agent).
     *
     * @throws IllegalArgumentException if that is not a jar file, as when run from a classes folder
     */
    static Path jar(Optional<Path> given) {
        Path jar = given.orElseGet(AgentJvm::ownCodeSource);
        if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
            throw new IllegalArgumentException("agents start from a jar, and " + jar + " is not one: run from"
                    + " ringwatch-benchmarks.jar or give --agent-jar monitor-agent/target/ringwatch-agent.jar");
        }
        return jar;
    }

    private static Path ownCodeSource() {
        CodeSource source = AgentJvm.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalArgumentException("cannot tell which jar the harness runs from; give --agent-jar");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException unreadable) {
            throw new IllegalArgumentException("cannot read the harness's jar location " + source.getLocation()
                    + "; give --agent-jar", unreadable);
        }
    }

    NodeId node() {
        return node;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the JVM at once (SIGKILL: no shutdown hook runs, nothing is flushed) and waits until
     * it is gone, so that its port is free again.
     *
     * @throws IllegalStateException if it is not gone within {@link #DEATH_BOUND}
     * @throws InterruptedException if interrupted while waiting
     */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(DEATH_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the agent of " + node + " was not gone within " + DEATH_BOUND.toSeconds()
                    + " s of SIGKILL");
        }
    }

    /** Asks the JVM to stop (SIGTERM) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /**
     * Waits until the JVM is gone or {@code deadlineNanos} (on the {@code nanoTime} scale) has
     * passed; then, if it still runs, kills it (SIGKILL) and waits up to {@link #DEATH_BOUND}.
     *
     * @return whether it stopped by itself
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitOrKill(long deadlineNanos) throws InterruptedException {
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        if (process.waitFor(left, TimeUnit.NANOSECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(DEATH_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        return false;
    }

    /** Kills the JVM (SIGKILL) without waiting: for a harness that is going away. */
    void killNow() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return "AgentJvm[" + node + ", pid " + process.pid() + (process.isAlive() ? "" : ", exited") + "]";
    }
}
