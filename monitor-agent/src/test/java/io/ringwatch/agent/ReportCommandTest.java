package io.ringwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ringwatch report} on event logs written by {@link JsonLinesEventLog}. */
class ReportCommandTest {
    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");
    private static final Instant DAY = NOW.minus(Duration.ofDays(1));
    private static final TargetId WEB = TargetId.parse("n3/web");
    private static final TargetId N4 = TargetId.parse("n4");

    @TempDir
    Path dir;

    private Path log;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeALog() throws IOException {
        log = dir.resolve("n1.jsonl");
        try (JsonLinesEventLog events = JsonLinesEventLog.open(log)) {
            events.append(state(DAY.minus(Duration.ofDays(3)), WEB, Status.UP));
            events.append(state(DAY.minus(Duration.ofDays(3)), N4, Status.UP));
            events.append(state(DAY.plus(Duration.ofHours(2)), WEB, Status.DOWN));
            events.append(Event.builder(EventKind.ACKNOWLEDGED).at(DAY.plus(Duration.ofMinutes(130))).observer(NodeId.of("n1"))
                    .target(WEB).message("alice acknowledged").attribute("by", "alice").attribute("note", "on it")
                    .attribute("incident", "n3/web@1").build());
            events.append(state(DAY.plus(Duration.ofHours(3)), WEB, Status.UP));
            events.append(Event.builder(EventKind.MAINTENANCE_STARTED).at(DAY.plus(Duration.ofHours(10))).observer(NodeId.of("n1"))
                    .target(N4).message("maintenance").build());
            events.append(state(DAY.plus(Duration.ofHours(10)), N4, Status.DOWN));
            events.append(state(DAY.plus(Duration.ofHours(12)), N4, Status.UP));
            events.append(Event.builder(EventKind.MAINTENANCE_ENDED).at(DAY.plus(Duration.ofHours(12))).observer(NodeId.of("n1"))
                    .target(N4).message("maintenance ended").build());
        }
    }

    @Test
    void printsATableOfTargetsThenTheIncidents() {
        int exit = run("--file", log.toString(), "--period", "1d");

        assertThat(exit).as(err.toString()).isZero();
        String table = out.toString();
        assertThat(table).contains("TARGET", "UPTIME", "MTTR");
        assertThat(table.lines().filter(line -> line.startsWith("n3/web")).findFirst().orElseThrow())
                .contains("95.833%", "1h 00m");
        assertThat(table.lines().filter(line -> line.startsWith("n4 ")).findFirst().orElseThrow())
                .contains("100.000%", "2h 00m");
        assertThat(table).contains("n3/web DOWN from " + DAY.plus(Duration.ofHours(2)), "incident n3/web@1",
                "acknowledged by alice: on it");
    }

    @Test
    void printsCsvOneRowPerTarget() {
        int exit = run("--file", log.toString(), "--period", "1d", "--format", "csv");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "target,uptime_percent,up_seconds,degraded_seconds,down_seconds,maintenance_seconds,unknown_seconds,incidents,mttr_seconds",
                "n3/web,95.833,82800,0,3600,0,0,1,3600",
                "n4,100.000,79200,0,0,7200,0,1,7200");
    }

    @Test
    void printsJson() throws IOException {
        int exit = run("--file", log.toString(), "--period", "1d", "--format", "JSON", "--target", "n3");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("from").asText()).isEqualTo(DAY.toString());
        assertThat(json.get("mttrSeconds").asLong()).isEqualTo(3600);
        assertThat(json.get("targets")).hasSize(1);
        JsonNode web = json.get("targets").get(0);
        assertThat(web.get("target").asText()).isEqualTo("n3/web");
        assertThat(web.get("downSeconds").asLong()).isEqualTo(3600);
        JsonNode incident = web.get("incidents").get(0);
        assertThat(incident.get("incident").asText()).isEqualTo("n3/web@1");
        assertThat(incident.get("notes").get(0).get("by").asText()).isEqualTo("alice");
    }

    @Test
    void theDefaultPeriodIsThirtyDaysWithTheTimeBeforeTheFirstStateUnknown() {
        int exit = run("--file", log.toString(), "--format", "csv", "--target", "n3/web");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).contains("n3/web,98.958,342000,0,3600,0,2246400,1,3600");
    }

    @Test
    void aBadOptionIsAClearErrorWithExitTwo() {
        assertThat(run("--file", log.toString(), "--period", "month")).isEqualTo(2);
        assertThat(err.toString()).contains("--period: expected a number of days or hours such as 1d, 7d, 30d", "'month'");
        assertThat(run("--file", log.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format: expected one of table, csv, json");
        assertThat(run("--file", log.toString(), "--until", "someday")).isEqualTo(2);
        assertThat(run("--file", log.toString(), "--target", "n3/web/x")).isEqualTo(2);
        assertThat(run("--file", log.toString(), "--config", "ringwatch.yaml")).isEqualTo(2);
    }

    @Test
    void aMissingLogIsExitOne() {
        assertThat(run("--file", dir.resolve("none.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("No event log at");
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new ReportCommand(Clock.fixed(NOW, ZoneOffset.UTC)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private static Event state(Instant at, TargetId target, Status status) {
        return Event.builder(EventKind.STATE_CHANGED).at(at).observer(NodeId.of("n1")).target(target).status(status)
                .message(target + " " + status).attribute("since", at).build();
    }
}
