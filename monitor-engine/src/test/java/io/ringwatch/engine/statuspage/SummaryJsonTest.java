package io.ringwatch.engine.statuspage;

import static io.ringwatch.engine.statuspage.Timeline.N1;
import static io.ringwatch.engine.statuspage.Timeline.N2;
import static io.ringwatch.engine.statuspage.Timeline.N3;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N2;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N3;
import static io.ringwatch.engine.statuspage.Timeline.NOW;
import static io.ringwatch.engine.statuspage.Timeline.WEB;
import static io.ringwatch.engine.statuspage.Timeline.acknowledged;
import static io.ringwatch.engine.statuspage.Timeline.annotation;
import static io.ringwatch.engine.statuspage.Timeline.daysAgo;
import static io.ringwatch.engine.statuspage.Timeline.queued;
import static io.ringwatch.engine.statuspage.Timeline.seen;
import static io.ringwatch.engine.statuspage.Timeline.state;
import static io.ringwatch.engine.statuspage.Timeline.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Status;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryJsonTest {
    private static final String VALID = SummaryJson.encode(handMade());

    @Test
    void aSummaryComesBackEqualWithEveryNanosecond() {
        NodeSummary summary = handMade();

        String json = SummaryJson.encode(summary);

        assertThat(json).doesNotContain("\n").contains("\"up\":7689600123456789");
        assertThat(SummaryJson.decode(json)).isEqualTo(summary);
    }

    @Test
    void aSummaryMadeFromEventsComesBackEqual() {
        NodeSummary summary = NodeSummary.of(view(N1, List.of(N2, N3), seen(NODE_N2, Status.UP, daysAgo(3))), List.of(
                state(daysAgo(3), NODE_N2, Status.UP),
                state(daysAgo(2.5), WEB, Status.UP),
                state(daysAgo(2), WEB, Status.DOWN),
                queued(daysAgo(2), WEB, "n3/web#9"),
                acknowledged(daysAgo(1.9), WEB, "n3/web#9", "alice", "restarting \"web\" <now>"),
                annotation(daysAgo(1.8), WEB, "bob", "ça marche ✓"),
                state(daysAgo(1.7), WEB, Status.UP)), NOW, 90);

        assertThat(SummaryJson.decode(SummaryJson.encode(summary))).isEqualTo(summary);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "null",
        "{\"node\":\"n1\"",
        "{\"node\":\"n1\",\"from\":\"2026-09-08T14:05:17Z\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[]}",
        "{\"node\":\"n1\",\"from\":\"yesterday\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[],\"targets\":[]}",
        "{\"node\":\"not a node id!\",\"from\":\"2026-09-08T14:05:17Z\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[],\"targets\":[]}",
        "{\"node\":\"n1\",\"from\":\"2026-09-08T14:05:17Z\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[7],\"targets\":[]}",
        "{\"node\":\"n1\",\"from\":\"2026-09-08T14:05:17Z\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[],\"targets\":{}}",
        "{\"node\":\"n1\",\"from\":\"2026-09-08T14:05:17Z\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[],\"targets\":[null]}",
        "{\"node\":\"n1\",\"from\":\"2026-09-08T14:05:17Z\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[],\"targets\":[{}]}"
    })
    void malformedTextIsAnIllegalArgumentThatSaysItIsNotASummary(String text) {
        assertThatThrownBy(() -> SummaryJson.decode(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a node summary: ");
    }

    @Test
    void aBrokenFieldIsNamedInTheMessage() {
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("\"up\":7689600123456789", "\"up\":-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'up' must be a count of nanoseconds");
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("\"down\":0", "\"down\":1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'down' must be a count of nanoseconds");
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("\"up\":7689600123456789", "\"up\":99999999999999999999999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'up'");
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("\"status\":\"DEGRADED\"", "\"status\":\"SIDEWAYS\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIDEWAYS");
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("\"kind\":\"ACKNOWLEDGED\"", "\"kind\":\"SHOUTED\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHOUTED");
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("\"targets\":[", "\"targets\":7,\"x\":[")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'targets' must be an array");
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("\"by\":\"alice\"", "\"by\":null")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'by' must be a string");
        assertThatThrownBy(() -> SummaryJson.decode(VALID.replace("[\"2026-12-06\",", "[\"2026-13-06\",")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a node summary: ");
    }

    @Test
    void deepNestingAndNullAreIllegalArgumentsToo() {
        assertThatThrownBy(() -> SummaryJson.decode("[".repeat(100_000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SummaryJson.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A summary with every kind of value: odd nanoseconds, notes, an open incident without a key, nulls. */
    private static NodeSummary handMade() {
        IncidentNote ack = new IncidentNote(daysAgo(2.9), IncidentNote.Kind.ACKNOWLEDGED, "alice", "on it");
        IncidentNote message = new IncidentNote(daysAgo(2.8), IncidentNote.Kind.MESSAGE, "bob", "line\u2028two \"quoted\" <b>");
        IncidentNote annotation = new IncidentNote(daysAgo(2.7), IncidentNote.Kind.ANNOTATION, "", "");
        ReportedIncident closed = new ReportedIncident(WEB, daysAgo(3).plusNanos(1), daysAgo(2.5), Status.DOWN, "n3/web#7",
                List.of(ack, message, annotation));
        ReportedIncident open = new ReportedIncident(WEB, daysAgo(0.1), null, Status.DEGRADED, null, List.of());
        TargetUptime period = new TargetUptime(WEB, Duration.ofDays(89).plusNanos(123_456_789), Duration.ofNanos(1),
                Duration.ZERO, Duration.ofMinutes(12), Duration.ofNanos(999_999_999), List.of(closed, open));
        DayUptime yesterday = new DayUptime(LocalDate.parse("2026-12-06"), new TargetUptime(WEB, Duration.ofHours(23),
                Duration.ZERO, Duration.ofHours(1), Duration.ZERO, Duration.ZERO, List.of()));
        TargetSummary web = new TargetSummary(WEB, Status.DEGRADED, daysAgo(0.1), period, List.of(yesterday));
        TargetSummary n3 = new TargetSummary(NODE_N3, null, null, new TargetUptime(NODE_N3, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ofDays(90), List.of()), List.of());
        return new NodeSummary(N1, NOW.minus(Duration.ofDays(90)), NOW, List.of(N2, N3), List.of(n3, web));
    }

    @Test
    void aSummaryTooLargeForAnAnswerLosesNotesThenIncidentsThenBarsButNeverItsFigures() {
        List<IncidentNote> notes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            notes.add(new IncidentNote(daysAgo(2).plusSeconds(i), IncidentNote.Kind.MESSAGE, "alice", "x".repeat(400)));
        }
        List<ReportedIncident> incidents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            incidents.add(new ReportedIncident(WEB, daysAgo(20 - i), daysAgo(20 - i).plusSeconds(90),
                    Status.DOWN, "k" + i, notes));
        }
        List<DayUptime> days = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            days.add(new DayUptime(LocalDate.parse("2026-12-07").minusDays(i), new TargetUptime(WEB, Duration.ofHours(24),
                    Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of())));
        }
        TargetUptime period = new TargetUptime(WEB, Duration.ofDays(89), Duration.ZERO, Duration.ofMinutes(15), Duration.ZERO,
                Duration.ofHours(23).plusMinutes(45), incidents);
        NodeSummary whole = new NodeSummary(N1, daysAgo(90), NOW, List.of(N2),
                List.of(new TargetSummary(WEB, Status.UP, daysAgo(1), period, days)));
        int wholeSize = SummaryJson.encode(whole).getBytes(StandardCharsets.UTF_8).length;

        String lighter = SummaryJson.encodeWithin(whole, wholeSize - 1);
        String lighterStill = SummaryJson.encodeWithin(whole, lighter.length() - 1);
        String lightest = SummaryJson.encodeWithin(whole, lighterStill.length() - 1);
        NodeSummary withoutNotes = SummaryJson.decode(lighter);
        NodeSummary withoutIncidents = SummaryJson.decode(lighterStill);
        NodeSummary bare = SummaryJson.decode(lightest);

        assertThat(SummaryJson.encodeWithin(whole, wholeSize)).isEqualTo(SummaryJson.encode(whole));
        assertThat(List.of(wholeSize, lighter.length(), lighterStill.length(), lightest.length())).isSortedAccordingTo(
                Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(withoutNotes.targets().get(0).period().incidents()).hasSize(10).allMatch(incident -> incident.notes().isEmpty());
        assertThat(withoutIncidents.targets().get(0).period().incidents()).isEmpty();
        assertThat(withoutIncidents.targets().get(0).days()).hasSize(90);
        assertThat(bare.targets().get(0).days()).isEmpty();
        assertThat(List.of(withoutNotes, withoutIncidents, bare)).allSatisfy(smaller -> {
            TargetUptime figures = smaller.targets().get(0).period();
            assertThat(List.of(figures.up(), figures.down(), figures.unknown()))
                    .containsExactly(period.up(), period.down(), period.unknown());
            assertThat(smaller.targets().get(0).status()).isEqualTo(Status.UP);
        });
    }

    @Test
    void timesThatCannotFitThePeriodAreRefused() {
        String huge = "{\"node\":\"n2\",\"from\":\"2026-09-08T14:05:17Z\",\"to\":\"2026-12-07T14:05:17Z\",\"watching\":[],"
                + "\"targets\":[{\"target\":\"n3\",\"status\":\"UP\",\"since\":null,\"period\":{\"up\":9223372036854775807,"
                + "\"degraded\":1,\"down\":0,\"maintenance\":0,\"unknown\":0},\"days\":[],\"incidents\":[]}]}";
        String longDay = huge.replace("9223372036854775807", "1").replace("\"days\":[]", "\"days\":[[\"2026-12-06\",86400000,1,0,0,0]]");
        String backwards = huge.replace("9223372036854775807", "1").replace("\"from\":\"2026-09-08", "\"from\":\"2027-09-08");

        assertThatThrownBy(() -> SummaryJson.decode(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the period's times add up to more than");
        assertThatThrownBy(() -> SummaryJson.decode(longDay)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a day's times add up to more than");
        assertThatThrownBy(() -> SummaryJson.decode(backwards)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the period must run forwards");
    }
}
