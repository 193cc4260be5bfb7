package io.ringwatch.agent.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.agent.ReportCommand;
import io.ringwatch.agent.config.ConfigFile;
import io.ringwatch.agent.node.AgentNode;
import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.eventlog.EventLogReader;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The status page in a real browser: three agents on loopback, one of which has a month of
 * history in its log; the page served by another is loaded in headless Chromium, read as a
 * person sees it, compared with {@code ringwatch report} over the log it comes from, and
 * watched as it refreshes itself when a node is killed. Screenshots go to
 * {@code target/status-page/}.
 */
class StatusPageBrowserIT {
    private static final String SECRET = "status-page-browser-test-secret";
    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final Path SCREENSHOTS = Path.of("target", "status-page");

    @TempDir
    Path directory;

    private final List<AgentNode> running = new ArrayList<>();

    @AfterEach
    void stopTheFarm() {
        running.forEach(AgentNode::close);
    }

    @Test
    void showsTheFarmAsItsLogsTellItAndFollowsAnOutageWithoutAReload() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant outage = now.minus(Duration.ofDays(10));
        writeHistoryOfN1(now.minus(Duration.ofDays(30)), outage);
        List<Integer> ports = freePorts(NODES.size());
        for (String node : NODES) {
            running.add(AgentNode.start(ConfigFile.parse(yaml(node, ports), node + ".yaml", Map.of())));
        }
        await("every node sees its partners and their services UP").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> running.stream().allMatch(StatusPageBrowserIT::seesItsPartnersUp));

        try (HeadlessChromium chromium = HeadlessChromium.start(directory.resolve("chromium-profile"))) {
            chromium.driver().get("http://127.0.0.1:" + ports.get(1) + "/");
            assertThat(chromium.driver().getTitle()).isEqualTo("Acme status");
            await("the page shows every target UP, and n2's month from n1's log").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        List<Map<String, Object>> shown = rows(chromium);
                        return shown.stream().allMatch(row -> row.get("status").equals("UP"))
                                && shown.stream().anyMatch(row -> row.get("target").equals("n2") && "n1".equals(row.get("seenBy"))
                                        && !"".equals(row.get("uptime")) && Double.parseDouble((String) row.get("uptime")) < 100);
                    });

            List<Map<String, Object>> rows = rows(chromium);
            assertThat(rows).extracting(row -> row.get("target"))
                    .containsExactly("n1", "n1/web", "n2", "n2/web", "n3", "n3/web");
            assertThat(rows).allSatisfy(row -> assertThat(((Number) row.get("bars")).intValue()).isEqualTo(90));
            assertThat(text(chromium, "header .overall")).isEqualTo("All systems operational");

            // n2's figures come from n1's log, the one with the month of history, and are the report's.
            Map<String, Object> n2 = rows.get(2);
            assertThat(n2.get("seenBy")).isEqualTo("n1");
            Instant until = Instant.parse((String) n2.get("until"));
            JsonNode report = report(running.get(0).config().eventLog().path(), until, "n2").get("targets").get(0);
            assertThat(report.get("downSeconds").asLong()).isEqualTo(Duration.ofMinutes(90).toSeconds());
            assertThat(Double.parseDouble((String) n2.get("uptime"))).isEqualTo(report.get("uptimePercent").asDouble());
            assertThat(n2.get("shown")).isEqualTo(String.format(Locale.ROOT, "%.3f%%", report.get("uptimePercent").asDouble()));
            TargetUptime fromTheLog = UptimeReport.of(
                    EventLogReader.readWithRotated(running.get(0).config().eventLog().path()).events(),
                    until.minus(Duration.ofDays(90)), until).targets().stream()
                    .filter(target -> target.target().equals(TargetId.parse("n2"))).findFirst().orElseThrow();
            assertThat(Double.parseDouble((String) n2.get("uptime"))).isEqualTo(fromTheLog.uptimePercent().getAsDouble());
            assertThat((String) chromium.script("return document.querySelector('tr[data-target=\"n2\"] .bars span[data-day=\"'"
                    + " + arguments[0] + '\"]').className", outage.toString().substring(0, 10))).isIn("partial", "down");

            // The outage of ten days ago, with who took it and what they wrote.
            String incident = text(chromium, "article.incident[data-key=\"inc-n2-outage\"]");
            assertThat(incident).contains("node n2: DOWN, resolved", "(1h 30m)", "Acknowledged by alice",
                    "alice: ok, I got this one");

            // The ring: three agents, each watching the other two.
            assertThat(chromium.script("return document.querySelectorAll('.ring-node.up').length")).isEqualTo(3L);
            assertThat(chromium.script("return document.querySelectorAll('line.edge.current').length")).isEqualTo(6L);

            // Read-only and free of secrets: no secret, no address of any node.
            String source = chromium.driver().getPageSource();
            assertThat(source).doesNotContain(SECRET, "127.0.0.1", ":" + ports.get(0), "<form");
            System.out.println("Status page screenshot: " + chromium.screenshot(SCREENSHOTS.resolve("all-up.png")).toAbsolutePath());

            // n3 dies; the open page follows by itself, without a reload.
            chromium.script("window.loadedOnce = true");
            running.remove(2).close();
            await("the open page shows n3 DOWN").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                    .until(() -> "DOWN".equals(chromium.script(
                            "return document.querySelector('tr[data-target=\"n3\"]').getAttribute('data-status')")));
            assertThat(chromium.script("return window.loadedOnce === true")).as("refreshed in place, not reloaded").isEqualTo(true);
            assertThat(text(chromium, "header .overall")).contains("down");
            assertThat(chromium.script("return document.querySelector('.ring-node[data-node=\"n3\"]').classList.contains('down')"))
                    .isEqualTo(true);
            assertThat(chromium.script("return document.querySelectorAll('line.edge.planned[data-watcher=\"n3\"]').length"))
                    .as("n3 answers no more: its arrows are the ring's plan").isEqualTo(2L);
            System.out.println("Status page screenshot: " + chromium.screenshot(SCREENSHOTS.resolve("n3-down.png")).toAbsolutePath());
        }
    }

    /** n1's log before this run: n2 and n3 UP for a month, but for n2's 90-minute outage, acknowledged by alice. */
    private void writeHistoryOfN1(Instant start, Instant outage) throws IOException {
        NodeId n1 = NodeId.of("n1");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(directory.resolve("n1.jsonl"))) {
            for (String target : List.of("n2", "n2/web", "n3", "n3/web")) {
                log.append(state(n1, start, target, Status.UNKNOWN, Status.UP));
            }
            log.append(state(n1, outage, "n2", Status.UP, Status.DOWN));
            log.append(Event.builder(EventKind.NOTIFICATION_QUEUED).at(outage.plusSeconds(1)).observer(n1)
                    .target(TargetId.parse("n2")).message("Queued alert: node n2 DOWN").attribute("incident", "inc-n2-outage")
                    .build());
            log.append(Event.builder(EventKind.MESSAGE_RECEIVED).at(outage.plus(Duration.ofMinutes(4))).observer(n1)
                    .target(TargetId.parse("n2")).message("alice: ok, I got this one").attribute("by", "alice")
                    .attribute("channel", "ops-telegram").attribute("text", "ok, I got this one")
                    .attribute("incident", "inc-n2-outage").build());
            log.append(Event.builder(EventKind.ACKNOWLEDGED).at(outage.plus(Duration.ofMinutes(5))).observer(n1)
                    .target(TargetId.parse("n2")).message("alice acknowledged node n2 DOWN").attribute("by", "alice")
                    .attribute("incident", "inc-n2-outage").build());
            log.append(state(n1, outage.plus(Duration.ofMinutes(90)), "n2", Status.DOWN, Status.UP));
        }
    }

    private static Event state(NodeId observer, Instant at, String target, Status previous, Status status) {
        return Event.builder(EventKind.STATE_CHANGED).at(at).observer(observer).target(TargetId.parse(target))
                .previous(previous).status(status).message(target + " " + status).attribute("since", at).build();
    }

    private String yaml(String node, List<Integer> ports) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < NODES.size(); i++) {
            members.append("  - id: ").append(NODES.get(i)).append('\n')
                    .append("    endpoint: http://127.0.0.1:").append(ports.get(i)).append('\n')
                    .append("    services:\n")
                    .append("      - { id: web, url: \"http://127.0.0.1:").append(ports.get(i)).append("/ringwatch/v1/live\" }\n");
        }
        return "node: " + node + "\n"
                + "listen: { address: 127.0.0.1, port: " + ports.get(NODES.indexOf(node)) + " }\n"
                + "secret: " + SECRET + "\n"
                + "members:\n" + members
                + "timing: { interval: 1s, timeout: 500ms, retry-interval: 250ms, confirmations: 2, recoveries: 2,"
                + " peer-timeout: 2s, handoff-delay: 500ms }\n"
                + "event-log: { path: \"" + directory.resolve(node + ".jsonl").toString().replace("\\", "/") + "\" }\n"
                + "status-page: { title: Acme status, refresh: 1s }\n";
    }

    private static boolean seesItsPartnersUp(AgentNode node) {
        EngineView view = node.engine().view();
        return view.targets().size() == 4 && view.targets().stream().allMatch(target -> target.status() == Status.UP);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(HeadlessChromium chromium) {
        return (List<Map<String, Object>>) chromium.script("""
                return Array.from(document.querySelectorAll('tr.target')).map(function (row) {
                  var uptime = row.querySelector('.uptime');
                  return {target: row.dataset.target, status: row.dataset.status, uptime: uptime.dataset.uptime,
                          seenBy: uptime.dataset.seenBy, until: uptime.dataset.until, shown: uptime.textContent,
                          bars: row.querySelectorAll('.bars span').length};
                });""");
    }

    private static String text(HeadlessChromium chromium, String selector) {
        return (String) chromium.script("var found = document.querySelector(arguments[0]);"
                + " return found === null ? null : found.innerText", selector);
    }

    /** {@code ringwatch report --file LOG --until UNTIL --period 90d --target TARGET --format json}, read back. */
    private static JsonNode report(Path log, Instant until, String target) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine report = new CommandLine(new ReportCommand());
        report.setOut(new PrintWriter(out, true));
        report.setErr(new PrintWriter(err, true));
        int exit = report.execute("--file", log.toString(), "--until", until.toString(), "--period", "90d",
                "--target", target, "--format", "json");
        assertThat(exit).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
