package io.ringwatch.agent;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.eventlog.EventCursor;
import io.ringwatch.engine.eventlog.EventFilter;
import io.ringwatch.engine.eventlog.HumanEventFormat;
import io.ringwatch.engine.eventlog.LoggedEvent;
import io.ringwatch.engine.routing.TargetPattern;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwatch log}: prints a node's event log, its rotated files included, oldest first,
 * one line per event, optionally only some events. Not thread-safe: picocli fills one instance per run.
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"Prints a node's event log, oldest first, one line per event.",
                "Reads the file that event-log.path names (or --file), rotated files included.",
                "Lines that are not events are skipped and counted on standard error.",
                "Exit code 0 when the log was read, 1 when there is none there or it cannot",
                "be read, 2 for a bad option or config."})
public final class LogCommand implements Callable<Integer> {
    private static final int EXIT_USAGE = 2;
    private static final int PROBLEMS_SHOWN = 3;

    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EventLogSource source = new EventLogSource();

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only events at or after WHEN: a duration back from now (30m, 1h, 7d), a time (2026-12-06T10:00:00Z)"
                    + " or a day (2026-12-06, from its start in UTC).")
    private String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Only events before WHEN, written as for --since.")
    private String until;

    @Option(names = "--node", paramLabel = "ID", split = ",",
            description = "Only events recorded by these nodes (the observers), such as n1,n2.")
    private List<String> nodes = new ArrayList<>();

    @Option(names = "--target", paramLabel = "PATTERN", split = ",",
            description = "Only events about these targets: n3 (the node and its services), n3/web (one service),"
                    + " with * for any part of a name (*/web).")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only events of these kinds, such as STATE_CHANGED,ACKNOWLEDGED (any case, - for _).")
    private List<String> kinds = new ArrayList<>();

    @Option(names = "--json", description = "Print each event's line as the log holds it (JSON) instead of the human line.")
    private boolean json;

    @Option(names = "--details", description = "Add each event's kind, target, statuses and attributes to its human line.")
    private boolean details;

    /** Reads "now" for --since and --until from the system clock. */
    public LogCommand() {
        this(Clock.systemUTC());
    }

    /** Reads "now" for --since and --until from {@code clock}, for tests. */
    LogCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source.conflicting(err)) {
            return EXIT_USAGE;
        }
        EventFilter filter;
        try {
            filter = filter(clock.instant());
        } catch (IllegalArgumentException invalid) {
            err.println(invalid.getMessage());
            return EXIT_USAGE;
        }
        Optional<Path> log = source.path(err, "log");
        if (log.isEmpty()) {
            return EXIT_USAGE;
        }
        return print(log.get(), filter, out, err);
    }

    private int print(Path log, EventFilter filter, PrintWriter out, PrintWriter err) {
        try (EventCursor events = EventCursor.open(log, filter)) {
            while (events.hasNext()) {
                LoggedEvent logged = events.next();
                out.println(json ? logged.json()
                        : details ? HumanEventFormat.formatWithDetails(logged.event()) : HumanEventFormat.format(logged.event()));
            }
            out.flush();
            if (events.skippedLines() > 0) {
                err.println("Skipped " + events.skippedLines() + " line(s) that are not events:");
                events.problems().stream().limit(PROBLEMS_SHOWN).forEach(problem -> err.println("  " + problem));
            }
            return 0;
        } catch (NoSuchFileException missing) {
            return EventLogSource.missing(log, err);
        } catch (IOException | UncheckedIOException failure) {
            return EventLogSource.unreadable(log, failure, err);
        }
    }

    /** @throws IllegalArgumentException naming the option that is wrong and what it takes */
    private EventFilter filter(Instant now) {
        Instant from = time("--since", since, now);
        Instant to = time("--until", until, now);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("--until (" + to + ") must be after --since (" + from + ")");
        }
        EventFilter.Builder filter = EventFilter.custom().since(from).until(to);
        for (String node : nodes) {
            try {
                filter.observer(NodeId.of(node.strip()));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("--node: " + invalid.getMessage(), invalid);
            }
        }
        for (String target : targets) {
            try {
                filter.target(TargetPattern.of(target.strip()));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("--target: " + invalid.getMessage(), invalid);
            }
        }
        for (String kind : kinds) {
            filter.kinds(kind(kind));
        }
        return filter.build();
    }

    private static Instant time(String option, String text, Instant now) {
        if (text == null) {
            return null;
        }
        return LogTime.parse(text, now).orElseThrow(() -> new IllegalArgumentException(
                option + ": expected " + LogTime.EXAMPLE + ", got '" + HumanEventFormat.escape(text) + "'"));
    }

    private static EventKind kind(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(EventKind.values()).filter(kind -> kind.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--kind: '" + HumanEventFormat.escape(text)
                        + "' is not a kind of event; the kinds are " + Arrays.stream(EventKind.values())
                        .map(EventKind::name).collect(Collectors.joining(", "))));
    }
}
