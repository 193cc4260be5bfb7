package io.ringwatch.agent;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.eventlog.EventCursor;
import io.ringwatch.engine.eventlog.EventFilter;
import io.ringwatch.engine.eventlog.HumanEventFormat;
import io.ringwatch.engine.report.UptimeReport;
import io.ringwatch.engine.routing.TargetPattern;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwatch report}: uptime, incidents and MTTR of each target over a period, from a
 * node's event log. Not thread-safe: picocli fills one instance per run.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints each target's uptime, downtime, maintenance, incidents and MTTR over a period.",
                "Reads the file that event-log.path names (or --file), rotated files included: one node's view;",
                "for a log that holds several nodes' events, --node takes the events one of them recorded.",
                "Maintenance time is shown apart and is not downtime; DEGRADED counts as available, shown apart.",
                "Exit code 0 when the log was read, 1 when there is none there or it cannot",
                "be read, 2 for a bad option or config."})
public final class ReportCommand implements Callable<Integer> {
    private static final int EXIT_USAGE = 2;

    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EventLogSource source = new EventLogSource();

    @Option(names = "--period", paramLabel = "LENGTH", defaultValue = "30d",
            description = "How far back from --until: 1d, 7d, 30d, any number of days (d) or hours (h). Default: ${DEFAULT-VALUE}.")
    private String period;

    @Option(names = "--until", paramLabel = "WHEN",
            description = "The period's end (default now): a duration back from now (1d), a time (2026-12-06T10:00:00Z) or a day (2026-12-06).")
    private String until;

    @Option(names = "--target", paramLabel = "PATTERN", split = ",",
            description = "Only these targets: n3 (the node and its services), n3/web (one service), with * for any part of a name.")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people), csv (one row per target) or json. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--node", paramLabel = "ID",
            description = "Only the events this node recorded (their observer), for a log that holds several nodes' events.")
    private String node;

    @Option(names = "--incidents",
            description = "Print only the incidents, one each (with --format csv: one row per incident).")
    private boolean incidentsOnly;

    /** Reads "now" from the system clock. */
    public ReportCommand() {
        this(Clock.systemUTC());
    }

    /** Reads "now" from {@code clock}, for tests. */
    ReportCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source.conflicting(err)) {
            return EXIT_USAGE;
        }
        Instant to;
        Instant from;
        Predicate<TargetId> included;
        ReportFormat chosen;
        Optional<NodeId> observer;
        try {
            Instant now = clock.instant();
            to = until == null ? now : LogTime.parse(until, now).orElseThrow(() -> new IllegalArgumentException(
                    "--until: expected " + LogTime.EXAMPLE + ", got '" + HumanEventFormat.escape(until) + "'"));
            from = to.minus(length(period));
            included = included(targets);
            chosen = ReportFormat.named(format).orElseThrow(() -> new IllegalArgumentException(
                    "--format: expected one of " + ReportFormat.names() + ", got '" + HumanEventFormat.escape(format) + "'"));
            observer = observer(node);
        } catch (IllegalArgumentException invalid) {
            err.println(invalid.getMessage());
            return EXIT_USAGE;
        }
        Optional<Path> log = source.path(err, "report");
        if (log.isEmpty()) {
            return EXIT_USAGE;
        }
        UptimeReport report;
        EventFilter.Builder filter = EventFilter.custom().until(to);
        observer.ifPresent(filter::observer);
        Set<NodeId> observers = new TreeSet<>();
        try (EventCursor events = EventCursor.open(log.get(), filter.build())) {
            Iterable<Event> read = () -> events.stream().map(logged -> logged.event())
                    .peek(event -> {
                        if (event.kind() == EventKind.STATE_CHANGED) {
                            observers.add(event.observer());
                        }
                    }).iterator();
            report = UptimeReport.of(read, from, to, included);
            if (events.skippedLines() > 0) {
                err.println("Skipped " + events.skippedLines() + " line(s) that are not events; see ringwatch log.");
            }
        } catch (NoSuchFileException missing) {
            return EventLogSource.missing(log.get(), err);
        } catch (IOException | UncheckedIOException failure) {
            return EventLogSource.unreadable(log.get(), failure, err);
        }
        if (observer.isEmpty() && observers.size() > 1) {
            err.println("The log holds state changes recorded by several nodes (" + observers.stream().map(NodeId::toString)
                    .collect(Collectors.joining(", ")) + "): their views are mixed; give --node to report one node's view.");
        }
        observer.filter(id -> observers.isEmpty())
                .ifPresent(id -> err.println("No state change recorded by " + id + " before " + to + " in this log."));
        String view = observer.map(id -> "as " + id + " saw it").orElse("as this node's log tells it");
        if (incidentsOnly) {
            chosen.printIncidents(report, view, out);
        } else {
            chosen.print(report, view, out);
        }
        out.flush();
        return 0;
    }

    /** @throws IllegalArgumentException naming what --period takes */
    static Duration length(String text) {
        return Durations.parse(text).filter(length -> !length.isNegative() && !length.isZero())
                .orElseThrow(() -> new IllegalArgumentException("--period: expected a number of days or hours such as 1d, 7d,"
                        + " 30d or 12h, got '" + HumanEventFormat.escape(text) + "'"));
    }

    private static Optional<NodeId> observer(String node) {
        if (node == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(NodeId.of(node.strip()));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("--node: " + invalid.getMessage(), invalid);
        }
    }

    private static Predicate<TargetId> included(List<String> patterns) {
        List<TargetPattern> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                parsed.add(TargetPattern.of(pattern.strip()));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("--target: " + invalid.getMessage(), invalid);
            }
        }
        return target -> parsed.isEmpty() || parsed.stream().anyMatch(pattern -> pattern.matches(target));
    }
}
