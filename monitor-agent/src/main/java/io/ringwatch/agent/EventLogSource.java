package io.ringwatch.agent;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ConfigException;
import io.ringwatch.agent.config.ConfigFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which event log a command reads, {@code --config FILE} (the log its {@code event-log.path}
 * names) or {@code --file PATH}, and how it says that the log cannot be read. Shared by
 * {@code log} and {@code report} as a picocli mixin.
 */
final class EventLogSource {
    /** The exit code when there is no log there or it cannot be read. */
    static final int EXIT_FAILED = 1;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Read the log this config file names in event-log.path (default: ringwatch.yaml if --file is not given).")
    private Path config;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            description = "Read this log file and the rotated files beside it (for n1.jsonl: n1.1.jsonl, n1.2.jsonl, …).")
    private Path file;

    /** Whether both options were given, which is an error (said on {@code err}). */
    boolean conflicting(PrintWriter err) {
        if (config != null && file != null) {
            err.println("Give --config or --file, not both: --config reads the log that the config file names.");
            return true;
        }
        return false;
    }

    /**
     * The log file to read: {@code --file}, or the one the config file names.
     *
     * @param command the command's name, for the hint when the config cannot be read
     * @return empty, with the config's errors on {@code err}, if the config cannot be read
     */
    Optional<Path> path(PrintWriter err, String command) {
        if (file != null) {
            return Optional.of(file);
        }
        Path configFile = config != null ? config : Path.of(ConfigFile.DEFAULT_FILE);
        try {
            AgentConfig agent = ConfigFile.load(configFile);
            return Optional.of(agent.eventLog().path());
        } catch (ConfigException invalid) {
            err.println(invalid.getMessage());
            err.println("(" + command + " needs only the event log's path from the config: give --file PATH to read a log without it)");
            return Optional.empty();
        }
    }

    /** Says on {@code err} that there is no log at {@code log}, and returns {@link #EXIT_FAILED}. */
    static int missing(Path log, PrintWriter err) {
        err.println("No event log at " + log.toAbsolutePath() + ", nor rotated files of one beside it."
                + (log.isAbsolute() ? "" : " A relative path is taken from the working directory: the agent's"
                + " (/var/lib/ringwatch under systemd) may not be this one; give --file with the full path."));
        return EXIT_FAILED;
    }

    /** Says on {@code err} that {@code log} could not be read, and returns {@link #EXIT_FAILED}. */
    static int unreadable(Path log, Exception failure, PrintWriter err) {
        err.println("Could not read the event log " + log + ": " + failure.getMessage());
        return EXIT_FAILED;
    }
}
