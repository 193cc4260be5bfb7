package io.ringwatch.agent;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ConfigException;
import io.ringwatch.agent.config.ConfigFile;
import io.ringwatch.agent.config.Durations;
import io.ringwatch.agent.node.AgentNode;
import io.ringwatch.api.NodeId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringwatch run}: runs this machine's node until the process is told to stop. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs this machine's node as the config file describes it, until SIGTERM or Ctrl+C.",
                "On the way out it stops answering, finishes notifications under way and flushes the event log."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = ConfigFile.DEFAULT_FILE,
            description = "The config file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AgentConfig agent;
        try {
            agent = ConfigFile.load(config);
        } catch (ConfigException invalid) {
            err.println(invalid.getMessage());
            return 2;
        }
        // The hook is in place before the node starts, so that a SIGTERM during the start still
        // stops whatever has started.
        Stopping stopping = new Stopping();
        Runtime.getRuntime().addShutdownHook(new Thread(stopping::stop, "ringwatch-shutdown"));
        AgentNode node;
        try {
            node = AgentNode.start(agent);
        } catch (IOException | UncheckedIOException failure) {
            stopping.running(null);
            err.println("Ringwatch could not start " + agent.node() + ": " + failure.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            stopping.running(null);
            err.println(config + ": " + invalid.getMessage());
            return 2;
        }
        if (!stopping.running(node)) {
            stopping.await(); // told to stop while starting: the hook closes the node
            return 0;
        }
        out.println("Ringwatch " + agent.node() + " is running: status endpoint on " + node.endpointAddress().getHostString()
                + ":" + node.endpointAddress().getPort() + ", watching "
                + String.join(", ", node.engine().view().watching().stream().map(NodeId::value).toList())
                + " every " + Durations.describe(agent.monitorConfig().interval()) + "; event log " + agent.eventLog().path()
                + ". Stop with SIGTERM or Ctrl+C.");
        out.flush();
        stopping.await();
        return 0;
    }

    /**
     * The node to stop when the process is told to. A stop asked for during the start waits for
     * the start to end (up to {@link #START_WAIT}), then closes what started. Thread-safe.
     */
    private static final class Stopping {
        private static final Duration START_WAIT = Duration.ofSeconds(15);

        private final CountDownLatch startEnded = new CountDownLatch(1);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile AgentNode node;
        private volatile boolean stopRequested;

        /** Hands over the started node, or null if it failed to start; false if the process is stopping. */
        boolean running(AgentNode started) {
            node = started;
            startEnded.countDown();
            return started != null && !stopRequested;
        }

        /** From the shutdown hook: closes the node once its start has ended, and lets {@link #await} return. */
        void stop() {
            stopRequested = true;
            try {
                startEnded.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            AgentNode started = node;
            if (started != null) {
                started.close();
            }
            stopped.countDown();
        }

        void await() throws InterruptedException {
            stopped.await();
        }
    }
}
