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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
        AgentNode node;
        try {
            node = AgentNode.start(agent);
        } catch (IOException | UncheckedIOException failure) {
            err.println("Ringwatch could not start " + agent.node() + ": " + failure.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            err.println(config + ": " + invalid.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "ringwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        out.println("Ringwatch " + agent.node() + " is running: status endpoint on " + node.endpointAddress().getHostString()
                + ":" + node.endpointAddress().getPort() + ", watching "
                + String.join(", ", node.engine().view().watching().stream().map(NodeId::value).toList())
                + " every " + Durations.describe(agent.monitorConfig().interval()) + "; event log " + agent.eventLog().path()
                + ". Stop with SIGTERM or Ctrl+C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
