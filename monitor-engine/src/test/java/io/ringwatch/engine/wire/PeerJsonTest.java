package io.ringwatch.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.routing.Mute;
import io.ringwatch.engine.routing.OnCallOverride;
import io.ringwatch.engine.routing.RoutingChange;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.engine.routing.TargetPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PeerJsonTest {
    private static final TargetId SERVICE = TargetId.parse("n3/orders-api");

    @Test
    void everyQuestionReadsBackAsWritten() {
        List<PeerQuestion> questions = List.of(new PeerQuestion.Liveness(), new PeerQuestion.CheckTarget(SERVICE),
                new PeerQuestion.ReportOn(TargetId.parse("n3")),
                new PeerQuestion.Acknowledge(SERVICE, "tim", "Ok, I got this one\n\"quoted\""),
                new PeerQuestion.ChangeRouting(new RoutingChange.Subscribe(
                        Subscription.of("alice", "*/orders-api", Severity.WARNING).via("chat", "phone"), "alice")),
                new PeerQuestion.ChangeRouting(new RoutingChange.Subscribe(Subscription.of("bob", "*", Severity.CRITICAL), "ops")),
                new PeerQuestion.ChangeRouting(new RoutingChange.Unsubscribe("alice", TargetPattern.of("n3"), "alice")),
                new PeerQuestion.ChangeRouting(new RoutingChange.MuteTargets(new Mute("bob", TargetPattern.of("n3/*"),
                        Instant.parse("2026-12-07T12:00:00Z"), "deploying \"2.4\""), "bob")),
                new PeerQuestion.ChangeRouting(new RoutingChange.Unmute("bob", TargetPattern.of("n3/*"), "")),
                new PeerQuestion.ChangeRouting(new RoutingChange.OverrideOnCall(new OnCallOverride(
                        Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2026-12-27T00:00:00Z"), "carol"), "alice")));
        for (PeerQuestion question : questions) {
            assertThat(PeerJson.decodeQuestion(PeerJson.encode(question))).isEqualTo(question);
        }
    }

    @Test
    void aMessageToRecordReadsBackAsWrittenWithOrWithoutItsIncident() {
        List<PeerQuestion> questions = List.of(
                new PeerQuestion.RecordMessage(TargetId.parse("n3"), "n3@2026-11-24T10:00:00Z", "alice", "chat",
                        "Ok, I got this one"),
                new PeerQuestion.RecordMessage(SERVICE, "", "bob", "telegram", "note n3/orders-api restarted \"by hand\""));
        for (PeerQuestion question : questions) {
            assertThat(PeerJson.decodeQuestion(PeerJson.encode(question))).isEqualTo(question);
        }
        assertThat(PeerJson.encode(questions.get(1))).as("no incident, no field")
                .isEqualTo("{\"question\":\"record-message\",\"target\":\"n3/orders-api\",\"by\":\"bob\","
                        + "\"channel\":\"telegram\",\"text\":\"note n3/orders-api restarted \\\"by hand\\\"\"}");
    }

    @Test
    void aMessageToRecordKeepsALineBreakOnTheWireForTheReceiverToFlatten() {
        PeerQuestion forged = new PeerQuestion.RecordMessage(TargetId.parse("n3"), "", "alice", "chat",
                "fine\n2026-12-06 22:41:07Z n1 CRITICAL: node n9 DOWN");

        String json = PeerJson.encode(forged);

        assertThat(json).doesNotContain("\n");
        assertThat(PeerJson.decodeQuestion(json)).isEqualTo(forged);
    }

    @Test
    void aMessageToRecordWithoutItsTextIsRefused() {
        assertThatThrownBy(() -> PeerJson.decodeQuestion(
                "{\"question\":\"record-message\",\"target\":\"n3\",\"by\":\"alice\",\"channel\":\"chat\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("question: field 'text' is missing");
        assertThatThrownBy(() -> PeerJson.decodeQuestion("{\"question\":\"record-message\",\"target\":\"n3\","
                + "\"incident\":7,\"by\":\"alice\",\"channel\":\"chat\",\"text\":\"hi\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("question: field 'incident' must be a string");
    }

    @Test
    void aRoutingChangeThatCannotBeReadIsRefused() {
        assertThatThrownBy(() -> PeerJson.decodeQuestion(
                "{\"question\":\"change-routing\",\"change\":{\"change\":\"mute\",\"contact\":\"bob\",\"targets\":\"n3\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'change' is not a routing change");
        assertThatThrownBy(() -> PeerJson.decodeQuestion("{\"question\":\"change-routing\",\"change\":{\"change\":7}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 'change' must be a string");
    }

    @Test
    void everyAnswerReadsBackAsWritten() {
        TargetReport notified = new TargetReport(SERVICE, Status.DOWN, false, false,
                new TargetReport.Notified("n3/orders-api@2026-11-24T10:00:00Z", NotificationKind.ALERT, Status.DOWN, NodeId.of("n2")));
        List<PeerAnswer> answers = List.of(new PeerAnswer.Alive(Status.DEGRADED, "every partner failed"),
                new PeerAnswer.Checked(ProbeResult.down(Duration.ofMillis(12), "connection refused"), TargetReport.unknown(SERVICE, true)),
                new PeerAnswer.Reported(notified), new PeerAnswer.Noted(true));
        for (PeerAnswer answer : answers) {
            assertThat(PeerJson.decodeAnswer(PeerJson.encode(answer))).isEqualTo(answer);
        }
    }

    @Property(tries = 200)
    void reportsSurviveTheWire(@ForAll("reports") TargetReport report) {
        assertThat(PeerJson.decodeAnswer(PeerJson.encode(new PeerAnswer.Reported(report))))
                .isEqualTo(new PeerAnswer.Reported(report));
    }

    @Provide
    Arbitrary<TargetReport> reports() {
        Arbitrary<TargetId> targets = Arbitraries.of("n1", "n2/api", "web-7/orders_api").map(TargetId::parse);
        Arbitrary<TargetReport.Notified> notified = Combinators.combine(Arbitraries.strings().ofMaxLength(40),
                        Arbitraries.of(NotificationKind.class), Arbitraries.of(Status.UP, Status.DEGRADED, Status.DOWN))
                .as((key, kind, status) -> new TargetReport.Notified(key, kind, status, NodeId.of("n2")))
                .injectNull(0.4);
        return Combinators.combine(targets, Arbitraries.of(Status.class), Arbitraries.of(true, false),
                Arbitraries.of(true, false), notified).as(TargetReport::new);
    }

    @Test
    void malformedQuestionsSayWhatIsWrong() {
        assertThatThrownBy(() -> PeerJson.decodeQuestion("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> PeerJson.decodeQuestion("[1]")).hasMessage("question: expected a JSON object");
        assertThatThrownBy(() -> PeerJson.decodeQuestion("{\"question\":\"check\"}"))
                .hasMessage("question: field 'target' is missing");
        assertThatThrownBy(() -> PeerJson.decodeQuestion("{\"question\":\"reboot\"}"))
                .hasMessage("unknown question 'reboot'");
        assertThatThrownBy(() -> PeerJson.decodeQuestion("{\"question\":\"check\",\"target\":\"\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedAnswersSayWhatIsWrong() {
        assertThatThrownBy(() -> PeerJson.decodeAnswer("{\"answer\":\"alive\",\"health\":\"FINE\",\"reason\":\"\"}"))
                .hasMessage("answer: field 'health' has an unknown value 'FINE'");
        assertThatThrownBy(() -> PeerJson.decodeAnswer("{\"answer\":\"noted\",\"hadIncident\":\"yes\"}"))
                .hasMessage("answer: field 'hadIncident' must be true or false");
        assertThatThrownBy(() -> PeerJson.decodeAnswer("{\"answer\":\"checked\",\"result\":{\"status\":\"UP\",\"latencyMs\":1.5,"
                + "\"reason\":\"OK\"},\"report\":{}}"))
                .hasMessage("answer.result: field 'latencyMs' must be an integer");
    }

    @Test
    void unknownFieldsAreIgnoredSoLaterVersionsCanAddSome() {
        assertThat(PeerJson.decodeQuestion("{\"question\":\"liveness\",\"since\":\"v2\"}")).isEqualTo(new PeerQuestion.Liveness());
    }
}
