package io.ringwatch.engine.statuspage;

import static io.ringwatch.engine.statuspage.Timeline.N1;
import static io.ringwatch.engine.statuspage.Timeline.N2;
import static io.ringwatch.engine.statuspage.Timeline.N3;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N2;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N3;
import static io.ringwatch.engine.statuspage.Timeline.NOW;
import static io.ringwatch.engine.statuspage.Timeline.WEB;
import static io.ringwatch.engine.statuspage.Timeline.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusPageHtmlTest {
    private static final String TITLE = "Acme \"status\" & <co>";
    private static final List<Member> MEMBERS = List.of(
            Member.of("n1", "http://127.0.0.1:7071"),
            Member.of("n2", "http://127.0.0.1:7072"),
            Member.of("n3", "http://127.0.0.1:7073", ServiceSpec.http("web", "http://127.0.0.1:8080/health?token=abc")));
    private static final Ring RING = Ring.of(List.of(N1, N2, N3), 1);
    private static final IncidentNote HOSTILE = new IncidentNote(daysAgo(1.9), IncidentNote.Kind.MESSAGE, "<b>mallory</b>",
            "<script>alert(1)</script>");
    private static final IncidentNote ACK = new IncidentNote(daysAgo(1.95), IncidentNote.Kind.ACKNOWLEDGED, "o'hara", "");

    private final String html = StatusPageHtml.render(farm(), Duration.ofSeconds(30));

    @Test
    void everyPieceOfUserTextIsEscaped() {
        assertThat(html).contains("<title>Acme &quot;status&quot; &amp; &lt;co&gt;</title>",
                "<h1>Acme &quot;status&quot; &amp; &lt;co&gt;</h1>",
                "&lt;b&gt;mallory&lt;/b&gt;: &lt;script&gt;alert(1)&lt;/script&gt;",
                "Acknowledged by o&#39;hara",
                "data-key=\"n3/web#&quot;&gt;&lt;img src=x&gt;\"");
        assertThat(html).doesNotContain(TITLE, "<b>", "<img", "alert(1)</script>");
        assertThat(count(html, "<script")).as("only the page's own script").isEqualTo(1);
        assertThat(html).contains("<script>" + StatusPageHtml.SCRIPT + "</script>");
    }

    @Test
    void showsAsMuchOfWhatPeopleWroteAsItIsAllowedTo() {
        String acknowledgementsOnly = StatusPageHtml.render(farm(), Duration.ofSeconds(30), PublicNotes.ACKNOWLEDGEMENTS);
        String none = StatusPageHtml.render(farm(), Duration.ofSeconds(30), PublicNotes.NONE);

        assertThat(acknowledgementsOnly).contains("Acknowledged by o&#39;hara").doesNotContain("mallory", "alert(1)");
        assertThat(none).contains("<p class=\"acknowledged\">Acknowledged at ").doesNotContain("o&#39;hara", "mallory", "alert(1)");
        assertThat(html).contains("mallory");
    }

    @Test
    void holdsNoAddressOrUrlOfTheMembers() {
        assertThat(html).doesNotContain("127.0.0.1", "7071", "8080", "/health", "token");
    }

    @Test
    void everyRowHasOneBarForEachOfThe90Days() {
        Matcher rows = Pattern.compile("<tr class=\"target [^>]*>.*?</tr>").matcher(html);
        int found = 0;
        while (rows.find()) {
            found++;
            assertThat(count(rows.group(), "<span class=")).as(rows.group().substring(0, 60)).isEqualTo(90);
        }
        assertThat(found).isEqualTo(4);
        assertThat(html).contains("data-day=\"2026-09-09\"", "data-day=\"2026-12-07\"").doesNotContain("data-day=\"2026-09-08\"");
    }

    @Test
    void eachBarAndRowShowsItsFigures() {
        assertThat(html).contains(
                "<span class=\"down\" data-day=\"2026-12-03\" title=\"2026-12-03: 97.917% up, down 30m 00s\">",
                "<span class=\"partial\" data-day=\"2026-12-04\" title=\"2026-12-04: 99.306% up, down 10m 00s\">",
                "<span class=\"up\" data-day=\"2026-12-05\" title=\"2026-12-05: 100.000% up\">",
                "<span class=\"none\" data-day=\"2026-12-06\" title=\"2026-12-06: no data\">",
                "data-uptime=\"99.5\" data-seen-by=\"n2\"",
                ">99.500%</td>",
                "<tr class=\"target service\" data-target=\"n3/web\" data-status=\"DOWN\"><td class=\"name\">web</td>");
        assertThat(html).contains("<p class=\"overall down\" data-down=\"1\">1 of 4 is down</p>");
    }

    @Test
    void theScriptHashIsTheSha256OfTheScript() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(StatusPageHtml.SCRIPT.getBytes(StandardCharsets.UTF_8));

        assertThat(StatusPageHtml.SCRIPT_HASH).isEqualTo("sha256-" + Base64.getEncoder().encodeToString(digest));
    }

    private static FarmStatus farm() {
        TargetUptime period = new TargetUptime(WEB, Duration.ofMinutes(199 * 10), Duration.ZERO, Duration.ofMinutes(10),
                Duration.ZERO, Duration.ofDays(90).minusMinutes(2000), List.of());
        List<DayUptime> days = List.of(
                day("2026-12-03", Duration.ofMinutes(30)),
                day("2026-12-04", Duration.ofMinutes(10)),
                day("2026-12-05", Duration.ZERO));
        ReportedIncident incident = new ReportedIncident(WEB, daysAgo(2), daysAgo(1.5), Status.DOWN, "n3/web#\"><img src=x>",
                List.of(ACK, HOSTILE));
        NodeSummary n1 = new NodeSummary(N1, NOW.minus(Duration.ofDays(90)), NOW, List.of(N2),
                List.of(new TargetSummary(NODE_N2, Status.UP, daysAgo(3), period(NODE_N2), List.of())));
        NodeSummary n2 = new NodeSummary(N2, NOW.minus(Duration.ofDays(90)), NOW, List.of(N3), List.of(
                new TargetSummary(NODE_N3, Status.UP, daysAgo(3), period(NODE_N3), List.of()),
                new TargetSummary(WEB, Status.DOWN, daysAgo(0.1), new TargetUptime(WEB, period.up(), period.degraded(),
                        period.down(), period.maintenance(), period.unknown(), List.of(incident)), days)));
        return FarmStatusMerge.merge(TITLE, N1, MEMBERS, RING, NOW, 90, Map.<NodeId, NodeSummary>of(N1, n1, N2, n2));
    }

    private static TargetUptime period(TargetId target) {
        return new TargetUptime(target, Duration.ofDays(90), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of());
    }

    private static DayUptime day(String day, Duration down) {
        return new DayUptime(LocalDate.parse(day), new TargetUptime(WEB, Duration.ofDays(1).minus(down), Duration.ZERO, down,
                Duration.ZERO, Duration.ZERO, List.of()));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
