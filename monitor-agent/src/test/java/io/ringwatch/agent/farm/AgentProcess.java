package io.ringwatch.agent.farm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One agent JVM: {@code java -jar ringwatch-agent.jar run --config FILE}, its output in a log file. */
final class AgentProcess {
    private static final long STOP_SECONDS = 30;

    private final String node;
    private final Process process;

    private AgentProcess(String node, Process process) {
        this.node = node;
        this.process = process;
    }

    static AgentProcess start(Path jar, String node, Path config, Map<String, String> environment, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "run", "--config", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new AgentProcess(node, builder.start());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the agent of " + node, failure);
        }
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook runs, nothing is flushed or said goodbye. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the agent of " + node + " did not die within " + STOP_SECONDS + " s");
        }
    }

    /** Asks the JVM to stop (SIGTERM) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the JVM to stop (SIGTERM) and waits for it; returns its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the agent of " + node + " did not stop within " + STOP_SECONDS + " s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Kills the JVM if it still runs, without waiting: the last resort of a cleanup. */
    void kill() {
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return "AgentProcess[" + node + ", pid " + process.pid() + (process.isAlive() ? "" : ", exited") + "]";
    }
}
