package io.ringwatch.agent;

import io.ringwatch.agent.demo.OutageDemo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringwatch demo}: a farm of five nodes on loopback, one outage, the alert and the recovery. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Shows an outage on a farm of five nodes on this machine.",
                "Five nodes on 127.0.0.1 watch each other over real HTTP; one goes down and comes back. Shows the ring,",
                "the states, the alert, the recovery and the event log. Ends by itself in under a minute; needs no config",
                "and no network beyond loopback."})
public final class DemoCommand implements Callable<Integer> {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.log.io.ringwatch";

    @Spec
    private CommandSpec spec;

    @Option(names = "--event-logs", paramLabel = "DIR",
            description = "Where each node's event log goes (default: a new temporary directory).")
    private Path eventLogs;

    @Option(names = "--verbose", description = "Also show every engine's log lines.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!verbose && System.getProperty(LOG_LEVEL) == null) {
            // Before the first engine class loads: the demo prints what matters itself.
            System.setProperty(LOG_LEVEL, "error");
        }
        Path directory = eventLogs != null ? eventLogs : Files.createTempDirectory("ringwatch-demo-");
        return OutageDemo.run(System.out, directory);
    }
}
