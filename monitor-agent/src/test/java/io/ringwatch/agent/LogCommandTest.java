package io.ringwatch.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.eventlog.EventJson;
import io.ringwatch.engine.eventlog.HumanEventFormat;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ringwatch log} on event logs written by {@link JsonLinesEventLog}. */
class LogCommandTest {
    private static final Instant T0 = Instant.parse("2026-12-06T22:41:07.250Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

    private static final Event N3_DOWN = event(EventKind.STATE_CHANGED, T0, "n1", "n3", Severity.CRITICAL,
            "node n3 DOWN (seen by n1: connection refused)");
    private static final Event WEB_SLOW = event(EventKind.PROBE_FAILED, T0.plusSeconds(3), "n2", "n3/web", Severity.WARNING,
            "Check of web on node n3 failed: slower than 2 s");
    private static final Event N4_DOWN = event(EventKind.STATE_CHANGED, T0.plusSeconds(3600), "n1", "n4", Severity.CRITICAL,
            "node n4 DOWN (seen by n1: connection refused)");
    private static final Event N3_UP = event(EventKind.STATE_CHANGED, Instant.parse("2026-12-07T07:30:00Z"), "n1", "n3",
            Severity.INFORMATION, "node n3 UP (was DOWN; seen by n1: alive)");

    @TempDir
    Path dir;

    private Path log;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeALogThatRotatedAtMidnight() throws IOException {
        log = dir.resolve("n1.jsonl");
        try (JsonLinesEventLog events = JsonLinesEventLog.open(log)) {
            for (Event event : new Event[] {N3_DOWN, WEB_SLOW, N4_DOWN, N3_UP}) {
                events.append(event);
            }
        }
        assertThat(dir.resolve("n1.1.jsonl")).as("rotated at midnight").exists();
    }

    @Test
    void printsEveryEventOfTheRotatedAndCurrentFilesOldestFirstOneHumanLineEach() {
        int exit = run("--file", log.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "2026-12-06 22:41:07Z n1 CRITICAL: node n3 DOWN (seen by n1: connection refused)",
                "2026-12-06 22:41:10Z n2 WARNING: Check of web on node n3 failed: slower than 2 s",
                "2026-12-06 23:41:07Z n1 CRITICAL: node n4 DOWN (seen by n1: connection refused)",
                "2026-12-07 07:30:00Z n1 INFORMATION: node n3 UP (was DOWN; seen by n1: alive)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void readsTheLogTheConfigFileNames() throws IOException {
        Path config = dir.resolve("ringwatch.yaml");
        Files.writeString(config, """
                node: n1
                insecure: true
                members:
                  - id: n1
                    endpoint: http://127.0.0.1:7070
                event-log:
                  path: "%s"
                """.formatted(log.toString().replace("\\", "/")), UTF_8);

        int exit = run("--config", config.toString(), "--kind", "state-changed");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).hasSize(3);
    }

    @Test
    void keepsOnlyTheEventsInTheTimeRangeFromTheGivenNodesAboutTheTargetsOfTheKinds() {
        assertThat(lines("--since", "1h")).containsExactly(HumanLine.of(N3_UP));
        assertThat(lines("--since", "2026-12-06T23:00:00Z", "--until", "2026-12-07")).containsExactly(HumanLine.of(N4_DOWN));
        assertThat(lines("--since", "2026-12-06T23:41:08+01:00")).containsExactly(HumanLine.of(WEB_SLOW), HumanLine.of(N4_DOWN),
                HumanLine.of(N3_UP));
        assertThat(lines("--node", "n2")).containsExactly(HumanLine.of(WEB_SLOW));
        assertThat(lines("--target", "n3/web")).containsExactly(HumanLine.of(WEB_SLOW));
        assertThat(lines("--target", "n3", "--kind", "STATE_CHANGED")).containsExactly(HumanLine.of(N3_DOWN), HumanLine.of(N3_UP));
        assertThat(lines("--target", "n4,*/web")).containsExactly(HumanLine.of(WEB_SLOW), HumanLine.of(N4_DOWN));
        assertThat(lines("--kind", "probe_failed,acknowledged", "--node", "n1,n2")).containsExactly(HumanLine.of(WEB_SLOW));
        assertThat(lines("--node", "n9")).isEmpty();
    }

    @Test
    void printsTheLinesAsTheLogHoldsThemWithJson() {
        assertThat(lines("--json", "--target", "n3/web")).containsExactly(EventJson.encode(WEB_SLOW));
    }

    @Test
    void addsKindTargetStatusAndAttributesWithDetails() {
        assertThat(lines("--details", "--since", "1h")).containsExactly("2026-12-07 07:30:00Z n1 INFORMATION:"
                + " node n3 UP (was DOWN; seen by n1: alive) [STATE_CHANGED target=n3 status=UP reason=\"seen by n1\"]");
    }

    @Test
    void aMessageOrAttributeCannotForgeALine() throws IOException {
        Event forged = Event.builder(EventKind.MESSAGE_RECEIVED).at(Instant.parse("2026-12-07T07:45:00Z"))
                .observer(NodeId.of("n1")).message("from alice: ack\n2026-12-07 07:46:00Z n1 INFORMATION: node n4 UP")
                .attribute("text", "ack\n2026-12-07 07:46:00Z n1 INFORMATION: node n4 UP\u001b[1A").build();
        try (JsonLinesEventLog events = JsonLinesEventLog.open(log)) {
            events.append(forged);
        }

        assertThat(lines("--kind", "MESSAGE_RECEIVED", "--details")).containsExactly("2026-12-07 07:45:00Z n1 INFORMATION:"
                + " from alice: ack 2026-12-07 07:46:00Z n1 INFORMATION: node n4 UP [MESSAGE_RECEIVED"
                + " text=\"ack\\n2026-12-07 07:46:00Z n1 INFORMATION: node n4 UP\\u001b[1A\"]");
        assertThat(lines("--kind", "MESSAGE_RECEIVED", "--json")).singleElement().asString()
                .isEqualTo(EventJson.encode(forged)).contains("\\n");
    }

    @Test
    void countsLinesThatAreNotEventsOnStandardErrorAndPrintsTheRest() throws IOException {
        Files.writeString(log, "# not an event\n{\"at\":\"yesterday\"}\n", UTF_8, StandardOpenOption.APPEND);

        int exit = run("--file", log.toString(), "--since", "1h");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).containsExactly(HumanLine.of(N3_UP));
        assertThat(err.toString().lines()).containsExactly(
                "Skipped 2 line(s) that are not events:",
                "  " + log + " line 2: not valid JSON: expected a value (object, array, string, number, true, false or null)"
                        + " but found '#' at line 1, column 1",
                "  " + log + " line 3: field 'at': expected an ISO-8601 instant such as 2026-11-24T10:15:00Z but found \"yesterday\"");
    }

    @Test
    void saysSoWhenThereIsNoLogThere() {
        Path missing = dir.resolve("elsewhere/n7.jsonl");

        int exit = run("--file", missing.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("No event log at " + missing + ", nor rotated files of one beside it.");
    }

    @Test
    void refusesABadTimeKindNodeOrTargetWithExitCode2() {
        assertThat(run("--file", log.toString(), "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since: expected a duration back from now such as 30m, 1h or 7d, a time such as"
                + " 2026-12-06T10:00:00Z, or a day such as 2026-12-06, got 'yesterday'");
        assertThat(run("--file", log.toString(), "--until", "2026-13-01")).isEqualTo(2);
        assertThat(run("--file", log.toString(), "--since", "1h", "--until", "2h")).isEqualTo(2);
        assertThat(err.toString()).contains("--until (2026-12-07T06:00:00Z) must be after --since (2026-12-07T07:00:00Z)");
        assertThat(run("--file", log.toString(), "--kind", "DOWN")).isEqualTo(2);
        assertThat(err.toString()).contains("--kind: 'DOWN' is not a kind of event; the kinds are ENGINE_STARTED, ENGINE_STOPPED,");
        assertThat(run("--file", log.toString(), "--node", "n 1")).isEqualTo(2);
        assertThat(err.toString()).contains("--node: node id 'n 1' is not valid");
        assertThat(run("--file", log.toString(), "--target", "n3/web/x")).isEqualTo(2);
        assertThat(err.toString()).contains("--target: 'n3/web/x' is not a target");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesBothAConfigAndAFileAndABadConfig() throws IOException {
        assertThat(run("--file", log.toString(), "--config", "ringwatch.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("Give --config or --file, not both");

        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "node: n1\n", UTF_8);
        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(config + ":").contains("give --file PATH to read a log without it");
    }

    @Test
    void isACommandOfTheAgent() {
        CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));

        int exit = line.execute("log", "--file", log.toString(), "--kind", "PROBE_FAILED");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(HumanLine.of(WEB_SLOW));
    }

    private String[] lines(String... options) {
        out.getBuffer().setLength(0);
        String[] args = new String[options.length + 2];
        args[0] = "--file";
        args[1] = log.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        int exit = run(args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString().lines().toArray(String[]::new);
    }

    private int run(String... args) {
        CommandLine line = new CommandLine(new LogCommand(NOW));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static Event event(EventKind kind, Instant at, String observer, String target, Severity severity, String message) {
        Event.Builder event = Event.builder(kind).at(at).observer(NodeId.of(observer)).target(TargetId.parse(target))
                .severity(severity).message(message);
        if (kind == EventKind.STATE_CHANGED) {
            int seenBy = message.indexOf("seen by");
            event.status(severity == Severity.CRITICAL ? Status.DOWN : Status.UP)
                    .attribute("reason", message.substring(seenBy, message.indexOf(':', seenBy)));
        }
        return event.build();
    }

    /** The line {@code log} prints for an event. */
    private static final class HumanLine {
        static String of(Event event) {
            return HumanEventFormat.format(event);
        }
    }
}
