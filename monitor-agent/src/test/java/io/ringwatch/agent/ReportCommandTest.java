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
        assertThat(table).contains("Incidents: 1 (and 1 that started in maintenance, not counted)",
                "n4 DOWN from " + DAY.plus(Duration.ofHours(10)) + " to " + DAY.plus(Duration.ofHours(12))
                        + ", 2h 00m, started in maintenance (not counted)");
        assertThat(table.lines().filter(line -> line.startsWith("n4 ")).findFirst().orElseThrow())
                .as("no incident counted, so no MTTR").endsWith(" 0          -");
        assertThat(table).contains("Overall MTTR: 1h 00m");
    }

    @Test
    void printsCsvOneRowPerTarget() {
        int exit = run("--file", log.toString(), "--period", "1d", "--format", "csv");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "target,uptime_percent,up_seconds,degraded_seconds,down_seconds,maintenance_seconds,unknown_seconds,incidents,"
                        + "mttr_seconds,incidents_in_maintenance",
                "n3/web,95.833,82800,0,3600,0,0,1,3600,0",
                "n4,100.000,79200,0,0,7200,0,0,,1");
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
        assertThat(incident.get("duringMaintenance").asBoolean()).isFalse();
        assertThat(web.get("incidentCount").asInt()).isEqualTo(1);
    }

    @Test
    void printsJsonWithTheIncidentInMaintenanceFlaggedAndNotCounted() throws IOException {
        int exit = run("--file", log.toString(), "--period", "1d", "--format", "json", "--target", "n4");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("mttrSeconds").isNull()).isTrue();
        assertThat(json.get("incidentCount").asInt()).isZero();
        JsonNode n4 = json.get("targets").get(0);
        assertThat(n4.get("incidentCount").asInt()).isZero();
        assertThat(n4.get("incidents").get(0).get("duringMaintenance").asBoolean()).isTrue();
    }

    @Test
    void printsOneCsvRowPerIncidentQuotingWhatNeedsIt() throws IOException {
        try (JsonLinesEventLog events = JsonLinesEventLog.open(log)) {
            events.append(Event.builder(EventKind.STATE_CHANGED).at(DAY.plus(Duration.ofHours(20))).observer(NodeId.of("n1"))
                    .target(WEB).status(Status.DEGRADED).message("n3/web DEGRADED")
                    .attribute("since", DAY.plus(Duration.ofMinutes(20 * 60 - 2))).build());
            events.append(Event.builder(EventKind.ACKNOWLEDGED).at(DAY.plus(Duration.ofMinutes(20 * 60 + 5))).observer(NodeId.of("n1"))
                    .target(WEB).message("bob, ops acknowledged").attribute("by", "bob, ops").attribute("note", "")
                    .attribute("incident", "n3/web@2").build());
            events.append(Event.builder(EventKind.ACKNOWLEDGED).at(DAY.plus(Duration.ofMinutes(20 * 60 + 6))).observer(NodeId.of("n1"))
                    .target(WEB).message("alice acknowledged").attribute("by", "alice").attribute("note", "says \"slow\"\nlooking")
                    .build());
        }

        int exit = run("--file", log.toString(), "--period", "1d", "--format", "csv", "--incidents");

        assertThat(exit).as(err.toString()).isZero();
        String at2 = DAY.plus(Duration.ofHours(2)).toString();
        String at3 = DAY.plus(Duration.ofHours(3)).toString();
        String at10 = DAY.plus(Duration.ofHours(10)).toString();
        String at12 = DAY.plus(Duration.ofHours(12)).toString();
        String at20 = DAY.plus(Duration.ofMinutes(20 * 60 - 2)).toString();
        assertThat(out.toString()).isEqualTo(String.join("\n",
                "target,start,end,duration_seconds,worst,incident_key,acknowledged_by,during_maintenance,notes_count,notes",
                "n3/web," + at2 + "," + at3 + ",3600,DOWN,n3/web@1,alice,false,1,"
                        + DAY.plus(Duration.ofMinutes(130)) + " acknowledged by alice: on it",
                "n4," + at10 + "," + at12 + ",7200,DOWN,,,true,0,",
                "n3/web," + at20 + ",,14520,DEGRADED,n3/web@2,\"bob, ops; alice\",false,2,\""
                        + DAY.plus(Duration.ofMinutes(20 * 60 + 5)) + " acknowledged by bob, ops | "
                        + DAY.plus(Duration.ofMinutes(20 * 60 + 6)) + " acknowledged by alice: says \"\"slow\"\"\nlooking\"",
                ""));
    }

    @Test
    void printsOnlyTheIncidentsAsATableOrJson() throws IOException {
        assertThat(run("--file", log.toString(), "--period", "1d", "--incidents")).isZero();
        assertThat(out.toString()).doesNotContain("TARGET", "MTTR")
                .contains("Incidents: 1 (and 1 that started in maintenance, not counted)", "incident n3/web@1");

        out.getBuffer().setLength(0);
        assertThat(run("--file", log.toString(), "--period", "1d", "--incidents", "--format", "json")).isZero();
        JsonNode incidents = new ObjectMapper().readTree(out.toString()).get("incidents");
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).get("target").asText()).isEqualTo("n3/web");
        assertThat(incidents.get(1).get("target").asText()).isEqualTo("n4");
        assertThat(incidents.get(1).get("duringMaintenance").asBoolean()).isTrue();
    }

    @Test
    void nodeTakesOnlyTheEventsThatNodeRecorded() throws IOException {
        Path shared = dir.resolve("farm.jsonl");
        try (JsonLinesEventLog events = JsonLinesEventLog.open(shared)) {
            events.append(state(DAY.minus(Duration.ofDays(1)), N4, Status.UP, "n1"));
            events.append(state(DAY.minus(Duration.ofDays(1)), N4, Status.UP, "n2"));
            events.append(state(DAY.plus(Duration.ofHours(1)), N4, Status.DOWN, "n1"));
            events.append(state(DAY.plus(Duration.ofHours(4)), N4, Status.DOWN, "n2"));
            events.append(state(DAY.plus(Duration.ofHours(5)), N4, Status.UP, "n2"));
            events.append(state(DAY.plus(Duration.ofHours(7)), N4, Status.UP, "n1"));
        }

        assertThat(run("--file", shared.toString(), "--period", "1d", "--format", "csv", "--node", "n2")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).contains("n4,95.833,82800,0,3600,0,0,1,3600,0");
        assertThat(err.toString()).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(run("--file", shared.toString(), "--period", "1d", "--format", "csv", "--node", "n1")).isZero();
        assertThat(out.toString().lines()).contains("n4,75.000,64800,0,21600,0,0,1,21600,0");

        out.getBuffer().setLength(0);
        assertThat(run("--file", shared.toString(), "--period", "1d", "--node", "n2")).isZero();
        assertThat(out.toString()).contains("as n2 saw it");

        out.getBuffer().setLength(0);
        assertThat(run("--file", shared.toString(), "--period", "1d", "--format", "csv")).isZero();
        assertThat(err.toString()).contains("state changes recorded by several nodes (n1, n2)", "give --node");

        err.getBuffer().setLength(0);
        assertThat(run("--file", shared.toString(), "--period", "1d", "--node", "n9")).isZero();
        assertThat(err.toString()).contains("No state change recorded by n9");
    }

    @Test
    void theDefaultPeriodIsThirtyDaysWithTheTimeBeforeTheFirstStateUnknown() {
        int exit = run("--file", log.toString(), "--format", "csv", "--target", "n3/web");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).contains("n3/web,98.958,342000,0,3600,0,2246400,1,3600,0");
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
        assertThat(run("--file", log.toString(), "--node", "n 1")).isEqualTo(2);
        assertThat(err.toString()).contains("--node: ");
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
        return state(at, target, status, "n1");
    }

    private static Event state(Instant at, TargetId target, Status status, String observer) {
        return Event.builder(EventKind.STATE_CHANGED).at(at).observer(NodeId.of(observer)).target(target).status(status)
                .message(target + " " + status).attribute("since", at).build();
    }
}
