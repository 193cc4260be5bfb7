package io.ringwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Severity;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.UptimeReport;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.testkit.notify.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * A message about a target reaches whichever node runs the channel's receiver; it is written
 * into the logs of the target's watchers too, whose logs the reports read. Five nodes, two
 * partners each: n1 and n2 watch n3; n4 and n5 do not.
 */
class MessagesToWatchersTest {
    private static final String ALICE_CHAT = "111222333";
    private static final TargetId N3 = TargetId.parse("n3");

    private final RecordingNotifier chat = new RecordingNotifier("chat");

    private SimulatedCluster farmWithN3Down() {
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", "chat", ALICE_CHAT))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via("chat"))
                .build();
        SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).routing(routing)
                .config(MonitorConfig.custom().repeatInterval(Duration.ofHours(2)).build()).build();
        farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
        return farm;
    }

    private static String say(SimulatedCluster farm, String node, String text, Optional<String> replyTo) {
        String answer = farm.engine(node).conversation().received(
                new InboundMessage("chat", ALICE_CHAT, text, replyTo, farm.clock().instant()));
        farm.runFor(Duration.ofSeconds(1));
        return answer;
    }

    private static List<Event> received(SimulatedCluster farm, String node) {
        return farm.eventLog(node).events().stream().filter(event -> event.kind() == EventKind.MESSAGE_RECEIVED).toList();
    }

    @Test
    void aReplyReceivedOnANodeThatDoesNotWatchTheTargetIsWrittenIntoTheLogsOfItsWatchers() {
        try (SimulatedCluster farm = farmWithN3Down()) {
            Notification alert = chat.notificationsTo("alice").get(0);
            assertThat(farm.view("n4").target(N3)).as("n4 does not watch n3").isEmpty();

            String answer = say(farm, "n4", "Ok, I got this one", Optional.of(alert.incidentKey()));

            assertThat(answer).isEqualTo("Noted in the log of node n3.");
            assertThat(received(farm, "n4")).as("the receiving node keeps its own entry").singleElement()
                    .satisfies(event -> assertThat(event.attributes()).doesNotContainKey("via"));
            for (String watcher : List.of("n1", "n2")) {
                assertThat(received(farm, watcher)).as("in the log of %s", watcher).singleElement().satisfies(event -> {
                    assertThat(event.observer()).isEqualTo(NodeId.of(watcher));
                    assertThat(event.target()).isEqualTo(N3);
                    assertThat(event.message()).isEqualTo("alice (chat): Ok, I got this one");
                    assertThat(event.attributes()).containsEntry("incident", alert.incidentKey()).containsEntry("by", "alice")
                            .containsEntry("channel", "chat").containsEntry("text", "Ok, I got this one")
                            .containsEntry("via", "n4");
                });
            }
            assertThat(received(farm, "n5")).as("n5 does not watch n3").isEmpty();
        }
    }

    @Test
    void theReportFromTheAlertingWatchersLogListsTheReplyAsANoteOnTheIncident() {
        try (SimulatedCluster farm = farmWithN3Down()) {
            Notification alert = chat.notificationsTo("alice").get(0);
            String owner = alert.observer().value();
            String elsewhere = owner.equals("n1") ? "n5" : "n4";

            say(farm, elsewhere, "Ok, I got this one", Optional.of(alert.incidentKey()));

            List<Event> events = farm.eventLog(owner).events();
            Instant to = farm.clock().instant().plusSeconds(1);
            UptimeReport report = UptimeReport.of(events, events.get(0).at(), to);
            assertThat(report.incidents()).filteredOn(incident -> incident.target().equals(N3)).singleElement()
                    .satisfies(incident -> {
                        assertThat(incident.key()).isEqualTo(alert.incidentKey());
                        assertThat(incident.notes()).extracting(IncidentNote::kind, IncidentNote::by, IncidentNote::text)
                                .contains(Tuple.tuple(IncidentNote.Kind.MESSAGE, "alice",
                                        "Ok, I got this one"));
                    });
        }
    }

    @Test
    void aNodeThatBothReceivesAndWatchesWritesTheMessageOnce() {
        try (SimulatedCluster farm = farmWithN3Down()) {
            Notification alert = chat.notificationsTo("alice").get(0);

            say(farm, "n2", "looking", Optional.of(alert.incidentKey()));

            assertThat(received(farm, "n2")).singleElement()
                    .satisfies(event -> assertThat(event.attributes()).doesNotContainKey("via"));
            assertThat(received(farm, "n1")).singleElement()
                    .satisfies(event -> assertThat(event.attributes()).containsEntry("via", "n2"));
        }
    }

    @Test
    void aNoteThatNamesATargetReachesItsWatchersWithoutAnIncident() {
        try (SimulatedCluster farm = farmWithN3Down()) {
            assertThat(say(farm, "n5", "note n3/api restarted by hand", Optional.empty())).isEqualTo("Noted.");

            assertThat(received(farm, "n1")).singleElement().satisfies(event -> {
                assertThat(event.target()).isEqualTo(TargetId.parse("n3/api"));
                assertThat(event.attributes()).doesNotContainKey("incident").containsEntry("via", "n5")
                        .containsEntry("text", "note n3/api restarted by hand");
            });
            assertThat(received(farm, "n4")).as("n4 watches n5 and n1").isEmpty();
        }
    }

    @Test
    void aMessageAboutNoTargetStaysOnTheNodeThatReceivedIt() {
        try (SimulatedCluster farm = farmWithN3Down()) {
            say(farm, "n4", "note deploying 2.4.1", Optional.empty());
            say(farm, "n4", "good morning", Optional.empty());

            assertThat(received(farm, "n4")).hasSize(2);
            assertThat(farm.events()).filteredOn(event -> event.kind() == EventKind.MESSAGE_RECEIVED)
                    .allMatch(event -> event.observer().equals(NodeId.of("n4")));
        }
    }

    @Test
    void aWatcherThatCannotBeReachedDoesNotFailTheConversation() {
        try (SimulatedCluster farm = farmWithN3Down()) {
            Notification alert = chat.notificationsTo("alice").get(0);
            farm.inject(Fault.partition("n4", "n1"));

            String answer = say(farm, "n4", "Ok, I got this one", Optional.of(alert.incidentKey()));

            assertThat(answer).isEqualTo("Noted in the log of node n3.");
            assertThat(received(farm, "n4")).hasSize(1);
            assertThat(received(farm, "n2")).hasSize(1);
            assertThat(received(farm, "n1")).isEmpty();
        }
    }

    @Test
    void aPassedOnMessageIsKeptToOneLineByTheWatcherThatWritesIt() {
        try (SimulatedCluster farm = farmWithN3Down()) {
            PeerQuestion forged = new PeerQuestion.RecordMessage(N3, "n3@x\nn9", "alice\r\nCRITICAL", "chat\u2028",
                    "fine\n2026-12-06 22:41:07Z n1 CRITICAL: node n9 DOWN\u001b[31m");

            PeerAnswer answer = farm.engine("n1").answer(NodeId.of("n4"), forged).toCompletableFuture().join();

            assertThat(answer).isEqualTo(new PeerAnswer.Noted(true));
            Event written = received(farm, "n1").get(0);
            for (String text : List.of(written.message(), written.humanLine(), String.join("|", written.attributes().values()))) {
                assertThat(text).doesNotContain("\n", "\r", "\u001b", "\u2028");
            }
            assertThat(written.attributes()).containsEntry("via", "n4").containsEntry("incident", "n3@x n9");
            assertThat(farm.engine("n4").answer(NodeId.of("n1"), forged).toCompletableFuture().join())
                    .as("n4 does not watch n3").isEqualTo(new PeerAnswer.Noted(false));
        }
    }
}
