package io.ringwatch.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The agent's command line: {@code java -jar ringwatch-agent.jar <command>}, with {@code run},
 * {@code check-config}, {@code status}, {@code log} and {@code demo}.
 */
@Command(name = "ringwatch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Peer-to-peer monitoring of a small server farm: every node watches its partners in a ring.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, StatusCommand.class, LogCommand.class, ReportCommand.class, DemoCommand.class})
public final class Main {
    private Main() {
    }

    /** Runs one command and exits with its code: 0 done, 1 failed, 2 bad usage or config. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests that run commands in this JVM. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        line.setUsageHelpAutoWidth(true);
        return line;
    }
}
