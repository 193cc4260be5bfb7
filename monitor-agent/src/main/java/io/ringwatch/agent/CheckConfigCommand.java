package io.ringwatch.agent;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ChannelEntry;
import io.ringwatch.agent.config.ConfigError;
import io.ringwatch.agent.config.ConfigException;
import io.ringwatch.agent.config.ConfigFile;
import io.ringwatch.agent.config.Durations;
import io.ringwatch.agent.config.MemberEntry;
import io.ringwatch.agent.config.NodeCheck;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.ring.Ring;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.OneLine;
import io.ringwatch.engine.dispatch.NotifierProviders;
import io.ringwatch.engine.routing.Router;
import io.ringwatch.engine.routing.Routing;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwatch check-config}: reads the config file and says whether the agent could run
 * with it. Prints a one-line summary and exits 0 when it is valid; prints every error, one per
 * line with file, line and key, on standard error and exits {@value #EXIT_INVALID} when it is not.
 * Not thread-safe: picocli fills one instance per run.
 */
@Command(name = "check-config",
        description = "Check the config file: print a summary if it is valid, or every error with its line and key.",
        mixinStandardHelpOptions = true)
public final class CheckConfigCommand implements Callable<Integer> {
    /** The exit code for a config file that cannot be used. */
    public static final int EXIT_INVALID = 2;

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "<file>", defaultValue = ConfigFile.DEFAULT_FILE,
            description = "The config file (default: ${DEFAULT-VALUE}).")
    private Path config;

    /** Substitutes {@code ${VAR}} references from {@link System#getenv()}. */
    public CheckConfigCommand() {
        this(System.getenv());
    }

    /** Substitutes {@code ${VAR}} references from {@code environment}, for tests. */
    public CheckConfigCommand(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Whether every channel's provider is on the class path and accepts its settings: what
     * {@code run} would find out only at start. Messages name the setting, never its value.
     *
     * @param built receives each channel that could be made, as routing sees it
     */
    private List<String> channelProblems(AgentConfig checked, List<Router.Channel> built) {
        NotifierProviders providers = NotifierProviders.discover(Thread.currentThread().getContextClassLoader());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < checked.channels().size(); i++) {
            ChannelEntry channel = checked.channels().get(i);
            String where = config + ": channels[" + i + "] (" + channel.name() + ")";
            boolean standby = checked.channels().stream()
                    .anyMatch(other -> other.failover().equals(Optional.of(channel.name())));
            if (channel.url().isPresent()) {
                try (Notifier notifier = providers.createFromUrl(channel.name(), channel.url().get())) {
                    built.add(Router.Channel.of(channel.name(), notifier, standby));
                } catch (RuntimeException invalid) {
                    problems.add(where + ".url: " + OneLine.of(String.valueOf(invalid.getMessage()), 300));
                }
                continue;
            }
            if (providers.find(channel.provider()).isEmpty()) {
                problems.add(where + ".provider: no notifier provider '" + channel.provider() + "' is installed; installed: "
                        + String.join(", ", providers.ids()));
                continue;
            }
            try (Notifier notifier = providers.create(channel.provider(), channel.notifierSettings())) {
                built.add(Router.Channel.of(channel.name(), notifier, standby));
            } catch (RuntimeException invalid) {
                problems.add(where + ".settings: " + OneLine.of(String.valueOf(invalid.getMessage()), 300));
            }
        }
        return problems;
    }

    /**
     * Whether the routing fits the channels as built: a contact's address on a channel that
     * sends to one fixed destination shows only now. Messages name contacts and channels, never an address.
     */
    private Optional<String> routingProblem(AgentConfig checked, List<Router.Channel> channels) {
        try {
            new Router(checked.routing(), channels);
            return Optional.empty();
        } catch (IllegalArgumentException refused) {
            return Optional.of(config + ": contacts: " + OneLine.of(String.valueOf(refused.getMessage()), 300));
        }
    }

    @Override
    public Integer call() {
        try {
            AgentConfig checked = ConfigFile.load(config, environment);
            List<Router.Channel> channels = new ArrayList<>();
            List<String> problems = new ArrayList<>(channelProblems(checked, channels));
            if (problems.isEmpty()) {
                routingProblem(checked, channels).ifPresent(problems::add);
            }
            if (!problems.isEmpty()) {
                problems.forEach(spec.commandLine().getErr()::println);
                return EXIT_INVALID;
            }
            spec.commandLine().getOut().println(summary(checked));
            return 0;
        } catch (ConfigException invalid) {
            PrintWriter err = spec.commandLine().getErr();
            for (ConfigError error : invalid.errors()) {
                err.println(error);
            }
            return EXIT_INVALID;
        }
    }

    /**
     * {@code ringwatch.yaml: OK — node n1, 5 members, watching n2, n3 every 60 s, 1 channel (webhook)},
     * then the routing when there is one: {@code , 3 contacts, on-call schedule, 2 escalation steps}.
     */
    static String summary(AgentConfig config) {
        int members = config.members().size();
        List<NodeId> watched = Ring.of(config.members().stream().map(MemberEntry::id).toList(), config.ringOrder(),
                        config.monitorConfig().partners(), config.members().stream()
                                .filter(member -> member.nodeCheck() == NodeCheck.TCP).map(MemberEntry::id).collect(Collectors.toSet()))
                .watchList(config.node(), node -> false);
        int channels = config.channels().size();
        String providers = config.channels().stream().map(ChannelEntry::kind).distinct()
                .collect(Collectors.joining(", "));
        return config.source() + ": OK — node " + config.node()
                + ", " + plural(members, "member")
                + ", watching " + (watched.isEmpty() ? "nobody" : watched.stream().map(NodeId::value).collect(Collectors.joining(", ")))
                + " every " + Durations.describe(config.monitorConfig().interval())
                + ", " + (channels == 0 ? "no channels" : plural(channels, "channel") + " (" + providers + ")")
                + routing(config.routing())
                + (config.insecure() ? ", INSECURE: peer questions are not authenticated" : "");
    }

    /** {@code , 3 contacts, on-call schedule, 2 escalation steps}; nothing without contacts. */
    private static String routing(Routing routing) {
        if (routing.isEmpty()) {
            return "";
        }
        return ", " + plural(routing.contacts().size(), "contact")
                + (routing.onCallSchedule().isPresent() ? ", on-call schedule" : "")
                + (routing.escalation().isEmpty() ? "" : ", " + plural(routing.escalation().size(), "escalation step"));
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
