package io.ringwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.EscalationStep;
import io.ringwatch.engine.routing.OnCallSchedule;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.testkit.notify.RecordingNotifier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages people send over a two-way channel: what the log keeps, what the engine does and answers. */
class ConversationTest {
    private static final String ALICE_CHAT = "111222333";
    private static final String BOB_CHAT = "444555666";
    private static final String CAROL_CHAT = "777888999";

    private final RecordingNotifier chat = new RecordingNotifier("chat");
    private final RecordingNotifier phone = new RecordingNotifier("phone");

    private SimulatedCluster farm() {
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", "chat", ALICE_CHAT, "phone", "+15550001"))
                .contact(Contact.of("bob", "chat", BOB_CHAT, "phone", "+15550002"))
                .contact(Contact.of("carol", "chat", CAROL_CHAT))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via("chat"))
                .subscribe(Subscription.of("bob", "n3", Severity.WARNING).via("chat"))
                .onCall(OnCallSchedule.in(ZoneOffset.UTC).shift(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, "alice")
                        .shift(DayOfWeek.SUNDAY, LocalTime.of(23, 59, 59), "bob").build())
                .escalate(EscalationStep.onCall(Duration.ofMinutes(10), "phone"))
                .build();
        SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).notifier(phone).routing(routing)
                .config(MonitorConfig.custom().repeatInterval(Duration.ofHours(2)).build()).build();
        farm.runFor(Duration.ofMinutes(3));
        return farm;
    }

    private static String say(SimulatedCluster farm, String node, String sender, String text, Optional<String> replyTo) {
        return farm.engine(node).conversation().received(
                new InboundMessage("chat", sender, text, replyTo, farm.clock().instant()));
    }

    private static String say(SimulatedCluster farm, String sender, String text) {
        return say(farm, "n1", sender, text, Optional.empty());
    }

    @Test
    void aReplyToAnAlertIsWrittenIntoTheLogOfItsNodeAndIncident() {
        try (SimulatedCluster farm = farm()) {
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            Notification alert = chat.notificationsTo("alice").get(0);

            String answer = say(farm, alert.observer().value(), ALICE_CHAT, "Ok, I got this one", Optional.of(alert.incidentKey()));

            assertThat(answer).isEqualTo("Noted in the log of node n3.");
            assertThat(farm.eventLog(alert.observer().value()).events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED)
                    .singleElement().satisfies(event -> {
                        assertThat(event.message()).isEqualTo("alice (chat): Ok, I got this one");
                        assertThat(event.target()).isEqualTo(TargetId.parse("n3"));
                        assertThat(event.attributes()).containsEntry("incident", alert.incidentKey())
                                .containsEntry("by", "alice").containsEntry("text", "Ok, I got this one");
                    });
        }
    }

    @Test
    void aSenderWhoIsNotAContactIsLoggedAsRejectedAndAnsweredWithNothing() {
        try (SimulatedCluster farm = farm()) {
            String answer = say(farm, "999000111", "ack n3");

            assertThat(answer).isEmpty();
            Event rejected = farm.eventLog("n1").events().stream().filter(e -> e.kind() == EventKind.MESSAGE_REJECTED)
                    .findFirst().orElseThrow();
            assertThat(rejected.message()).startsWith("Ignored a message on chat from a sender who is not a contact")
                    .doesNotContain("999000111");
            assertThat(rejected.attributes().values()).noneMatch(value -> value.contains("999000111"));
            assertThat(farm.events()).noneMatch(e -> e.kind() == EventKind.MESSAGE_RECEIVED);
            assertThat(say(farm, BOB_CHAT.replace('4', '5'), "help")).as("a near miss is no contact either").isEmpty();
        }
    }

    @Test
    void ackInReplyToAnAlertStopsTheEscalationAndTellsEveryone() {
        try (SimulatedCluster farm = farm()) {
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            Notification alert = chat.notificationsTo("bob").get(0);

            String answer = say(farm, "n5", BOB_CHAT, "/ack@ringwatch_bot", Optional.of(alert.incidentKey()));
            farm.runFor(Duration.ofMinutes(30));

            assertThat(answer).isIn("Acknowledged node n3: no more reminders or escalation.",
                    "Told the watchers of node n3 that you have it.");
            assertThat(phone.notifications()).as("nobody is phoned after the acknowledgement").isEmpty();
            assertThat(chat.notificationsTo("alice")).extracting(Notification::kind)
                    .containsExactly(NotificationKind.ALERT, NotificationKind.ACKNOWLEDGED);
            assertThat(chat.notificationsTo("alice").get(1).reason()).isEqualTo("acknowledged by bob: via chat");
        }
    }

    @Test
    void ackWithoutATargetTakesTheOnlyOpenIncidentOrAsksWhichOne() {
        try (SimulatedCluster farm = farm()) {
            assertThat(say(farm, ALICE_CHAT, "ack")).isEqualTo("Nothing is open here to acknowledge.");

            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            String watcher = chat.notificationsTo("alice").get(0).observer().value();
            assertThat(say(farm, watcher, ALICE_CHAT, "ACK", Optional.empty()))
                    .isEqualTo("Acknowledged node n3: no more reminders or escalation.");
            assertThat(farm.view(watcher).target(TargetId.parse("n3"))).hasValueSatisfying(view ->
                    assertThat(view.acknowledged()).isTrue());
        }
    }

    @Test
    void aMuteWithAReasonSilencesTheContactUntilTheTargetRecovers() {
        try (SimulatedCluster farm = farm()) {
            String answer = say(farm, BOB_CHAT, "mute n3 2h deploying 2.4.1");
            assertThat(answer).startsWith("Muted n3 for you until ").endsWith(", or until it recovers: deploying 2.4.1.");

            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(chat.notificationsTo("bob")).as("muted").isEmpty();
            farm.inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(chat.notificationsTo("bob")).as("the mute ended with the recovery, well within its 2 h")
                    .extracting(Notification::kind).contains(NotificationKind.ALERT);
            assertThat(farm.events()).anyMatch(e -> e.kind() == EventKind.ROUTING_CHANGED
                    && e.message().equals("bob's mute of n3 (deploying 2.4.1) ended: node n3 UP again"));
        }
    }

    @Test
    void subscribeAndUnsubscribeWorkOnTheChannelTheyCameOn() {
        try (SimulatedCluster farm = farm()) {
            assertThat(say(farm, CAROL_CHAT, "subscribe n2/api critical"))
                    .isEqualTo("Subscribed to n2/api from critical up, on chat.");
            assertThat(say(farm, BOB_CHAT, "unsubscribe n3")).isEqualTo("Unsubscribed from n3.");
            assertThat(say(farm, BOB_CHAT, "unsubscribe n3")).isEqualTo("You were not subscribed to n3.");

            farm.inject(Fault.serviceDown("n2/api")).inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(chat.notificationsTo("carol")).extracting(n -> n.target().toString()).containsExactly("n2/api");
            assertThat(chat.notificationsTo("bob")).isEmpty();
        }
    }

    @Test
    void statusOncallNoteAndHelpAnswerWhatTheySay() {
        try (SimulatedCluster farm = farm()) {
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(say(farm, ALICE_CHAT, "oncall")).isEqualTo("On call now: alice; next: bob.");
            assertThat(say(farm, "n2", ALICE_CHAT, "status", Optional.empty())).startsWith("node n3 DOWN: connection refused")
                    .endsWith("more UP, as seen by n2.");
            assertThat(say(farm, ALICE_CHAT, "note deploying 2.4.1")).isEqualTo("Noted.");
            assertThat(farm.eventLog("n1").events()).anyMatch(e -> e.kind() == EventKind.ANNOTATION
                    && e.message().contains("deploying 2.4.1"));
            assertThat(say(farm, ALICE_CHAT, "help")).contains("ack [target]", "mute <target> <duration> [reason]",
                    "subscribe <target>", "oncall", "note <text>");
            assertThat(say(farm, ALICE_CHAT, "mute n3 forever")).startsWith("Write mute <target> <duration> [reason]");
            assertThat(say(farm, ALICE_CHAT, "mute n3; 2h")).startsWith("That did not work: ");
        }
    }

    @Test
    void aMessageWithLineBreaksAndControlCharactersCannotForgeALogLine() {
        try (SimulatedCluster farm = farm()) {
            String forged = "fine\n2026-12-06 22:41:07Z n1 CRITICAL: node n9 DOWN\r\u0000\u001b[31m\u2028spoof";

            say(farm, ALICE_CHAT, forged);

            Event received = farm.eventLog("n1").events().stream().filter(e -> e.kind() == EventKind.MESSAGE_RECEIVED)
                    .findFirst().orElseThrow();
            for (String text : List.of(received.message(), received.attributes().get("text"), received.humanLine())) {
                assertThat(text).doesNotContain("\n", "\r", "\u0000", "\u001b", "\u2028");
            }
            assertThat(received.message()).startsWith("alice (chat): fine 2026-12-06 22:41:07Z n1 CRITICAL");
        }
    }
}
