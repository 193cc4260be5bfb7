package io.ringwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.EscalationStep;
import io.ringwatch.engine.routing.Mute;
import io.ringwatch.engine.routing.OnCallSchedule;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.routing.RoutingChange;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.engine.routing.TargetPattern;
import io.ringwatch.testkit.notify.RecordingNotifier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contacts, subscriptions, mutes, the on-call schedule and the escalation policy, in a
 * simulated farm: chat first, then the phone of whoever is on call, then the next person.
 */
class RoutingTest {
    private static final Duration FIRST_STEP = Duration.ofMinutes(10);
    private static final Duration SECOND_STEP = Duration.ofMinutes(20);
    private static final MonitorConfig CONFIG = MonitorConfig.custom().repeatInterval(Duration.ofHours(2)).build();

    private final RecordingNotifier chat = new RecordingNotifier("chat");
    private final RecordingNotifier phone = new RecordingNotifier("phone");
    private final RecordingNotifier room = new RecordingNotifier("room");

    /** Alice is on call all week (the farm's clock starts on a Monday or later); bob is next. */
    private Routing.Builder team() {
        return Routing.builder()
                .contact(Contact.of("alice", "chat", "@alice", "phone", "+15550001"))
                .contact(Contact.of("bob", "chat", "@bob", "phone", "+15550002"))
                .contact(Contact.of("carol", "chat", "@carol"))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via("chat"))
                .subscribe(Subscription.of("bob", "n3", Severity.WARNING).via("chat"))
                .subscribe(Subscription.of("carol", "*/api", Severity.CRITICAL))
                .onCall(OnCallSchedule.in(ZoneOffset.UTC)
                        .shift(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, "alice")
                        .shift(DayOfWeek.SUNDAY, LocalTime.of(23, 59, 59), "bob")
                        .build())
                .escalate(EscalationStep.onCall(FIRST_STEP, "phone"))
                .escalate(EscalationStep.nextOnCall(SECOND_STEP, "phone"));
    }

    private SimulatedCluster farm(Routing routing) {
        return SimulatedCluster.builder().config(CONFIG).notifier(chat).notifier(phone).notifier(room).routing(routing)
                .build();
    }

    @Test
    void chatFirstThenThePhoneOfWhoeverIsOnCallThenTheNextPerson() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(kinds(chat.notificationsTo("alice"))).containsExactly(NotificationKind.ALERT);
            assertThat(kinds(chat.notificationsTo("bob"))).containsExactly(NotificationKind.ALERT);
            assertThat(chat.notificationsTo("carol")).as("carol follows */api only").isEmpty();
            assertThat(chat.notificationsToTheChannel()).as("nobody's address: chat is not a broadcast channel").isEmpty();
            assertThat(phone.notifications()).as("no call before the first step").isEmpty();
            assertThat(kinds(room.notifications())).as("a channel nobody has an address on gets everything")
                    .containsExactly(NotificationKind.ALERT);

            farm.runFor(FIRST_STEP);
            assertThat(kinds(phone.notificationsTo("alice"))).containsExactly(NotificationKind.ESCALATION);
            assertThat(phone.notificationsTo("bob")).isEmpty();

            farm.runFor(SECOND_STEP.minus(FIRST_STEP));
            assertThat(kinds(phone.notificationsTo("bob"))).containsExactly(NotificationKind.ESCALATION);
            assertThat(phone.notificationsTo("alice")).hasSize(1);
            assertThat(phone.notificationsTo("bob").get(0).reason()).startsWith("not acknowledged within 20 min");
            assertThat(kinds(room.notifications())).containsExactly(NotificationKind.ALERT, NotificationKind.ESCALATION,
                    NotificationKind.ESCALATION);

            farm.runFor(Duration.ofHours(1));
            assertThat(phone.notifications()).as("no step after the last").hasSize(2);
        }
    }

    @Test
    void anAcknowledgementStopsTheEscalationAndReachesEveryoneWhoHeard() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow()).runFor(FIRST_STEP);
            assertThat(phone.notificationsTo("alice")).hasSize(1);

            assertThat(farm.acknowledge("n3", "alice", "Ok, I got this one")).isTrue();
            farm.runFor(Duration.ofHours(1));

            assertThat(phone.notificationsTo("bob")).as("no second step after the acknowledgement").isEmpty();
            Notification ack = chat.notificationsTo("bob").get(1);
            assertThat(ack.kind()).isEqualTo(NotificationKind.ACKNOWLEDGED);
            assertThat(ack.reason()).isEqualTo("acknowledged by alice: Ok, I got this one");
            assertThat(kinds(chat.notificationsTo("alice"))).containsExactly(NotificationKind.ALERT,
                    NotificationKind.ACKNOWLEDGED);
            assertThat(kinds(phone.notificationsTo("alice"))).as("the step that called alice hears of it too")
                    .containsExactly(NotificationKind.ESCALATION, NotificationKind.ACKNOWLEDGED);
            assertThat(kinds(room.notifications())).containsExactly(NotificationKind.ALERT, NotificationKind.ESCALATION,
                    NotificationKind.ACKNOWLEDGED);

            farm.inject(Fault.recovery("n3")).runFor(farm.detectionWindow());
            assertThat(kinds(chat.notificationsTo("bob"))).endsWith(NotificationKind.RECOVERY);
        }
    }

    @Test
    void theRecoveryReachesWhoeverWasPagedEvenAfterTheShiftChanged() {
        // The farm's clock starts on Wednesday 1969-12-31 at 23:59:59 (UTC): alice is on call until Thursday 00:30, then bob.
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", "phone", "+15550001"))
                .contact(Contact.of("bob", "phone", "+15550002"))
                .onCall(OnCallSchedule.in(ZoneOffset.UTC).shift(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, "alice")
                        .shift(DayOfWeek.THURSDAY, LocalTime.of(0, 30), "bob").build())
                .escalate(EscalationStep.onCall(FIRST_STEP, "phone"))
                .build();
        try (SimulatedCluster farm = SimulatedCluster.builder().config(CONFIG).notifier(phone).routing(routing).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow()).runFor(FIRST_STEP);
            assertThat(kinds(phone.notificationsTo("alice"))).containsExactly(NotificationKind.ESCALATION);

            farm.runFor(Duration.ofMinutes(30)).inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

            assertThat(kinds(phone.notificationsTo("alice"))).containsExactly(NotificationKind.ESCALATION,
                    NotificationKind.RECOVERY);
            assertThat(phone.notificationsTo("bob")).as("bob came on call after the page").isEmpty();
        }
    }

    @Test
    void aWatcherThatTakesTheIncidentOverPagesOnlyTheStepNowDueAndOnlyOnce() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow()).runFor(SECOND_STEP);
            assertThat(phone.notificationsTo("alice")).hasSize(1);
            assertThat(phone.notificationsTo("bob")).hasSize(1);
            String owner = phone.notificationsTo("bob").get(0).observer().value();

            farm.inject(Fault.crash(owner)).runFor(Duration.ofHours(1));

            assertThat(about(phone.notificationsTo("alice"), "n3")).as("the first step is not run again").hasSize(1);
            assertThat(about(phone.notificationsTo("bob"), "n3"))
                    .as("the step due when the other watcher took over, once more at most").hasSizeBetween(1, 2);
        }
    }

    @Test
    void aRestartedWatcherGoesOnWithTheEscalationWhereItWas() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow()).runFor(SECOND_STEP);
            String owner = phone.notificationsTo("bob").get(0).observer().value();
            int pagesBefore = about(phone.notifications(), "n3").size();

            farm.inject(Fault.crash(owner)).runFor(Duration.ofSeconds(2)).inject(Fault.recovery(owner))
                    .runFor(Duration.ofHours(1));

            assertThat(about(phone.notifications(), "n3")).as("no step is run again after the restart").hasSize(pagesBefore);
        }
    }

    @Test
    void anAcknowledgementMadeWhileTheOwnerIsDownIsSentByTheWatcherThatTakesOver() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            String owner = chat.notificationsTo("alice").get(0).observer().value();
            farm.inject(Fault.crash(owner)).runFor(Duration.ofSeconds(1));

            assertThat(farm.acknowledge("n3", "alice", "on it")).isTrue();
            farm.runFor(Duration.ofMinutes(15));

            assertThat(room.notifications()).filteredOn(n -> n.kind() == NotificationKind.ACKNOWLEDGED).singleElement()
                    .satisfies(ack -> {
                        assertThat(ack.reason()).isEqualTo("acknowledged by alice: on it");
                        assertThat(ack.observer().value()).isNotEqualTo(owner);
                    });
        }
    }

    @Test
    void aMuteMadeOnOneNodeSilencesTheContactOnEveryNodeUntilItEnds() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3));
            // Without a reason: a mute for a reason would end with the recovery (ConversationTest shows that).
            farm.engine("n5").mute("bob", TargetPattern.of("n3"), Duration.ofMinutes(30), "", "bob");
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow())
                    .inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

            assertThat(chat.notificationsTo("bob")).as("n1 or n2 sends, not n5 where the mute was made").isEmpty();
            assertThat(kinds(chat.notificationsTo("alice"))).containsExactly(NotificationKind.ALERT,
                    NotificationKind.RECOVERY);
            assertThat(farm.eventLog("n1").events()).anyMatch(event -> event.kind() == EventKind.ROUTING_CHANGED
                    && event.message().startsWith("bob muted n3 until ") && "n5".equals(event.attributes().get("told-by")));

            farm.runFor(Duration.ofMinutes(30)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(kinds(chat.notificationsTo("bob"))).as("after the mute").containsExactly(NotificationKind.ALERT);
        }
    }

    @Test
    void aMuteHoldsAcrossARestartOfTheNodeThatSends() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3));
            farm.engine("n1").changeRouting(new RoutingChange.MuteTargets(new Mute("bob", TargetPattern.EVERYTHING,
                    farm.clock().instant().plus(Duration.ofHours(3)), ""), "bob"));
            farm.inject(Fault.crash("n2")).runFor(farm.detectionWindow())
                    .inject(Fault.recovery("n2")).runFor(farm.detectionWindow());
            assertThat(farm.engine("n2").routing().mutes(farm.clock().instant())).as("n2 read its mute back from its log")
                    .singleElement().satisfies(mute -> assertThat(mute.contact()).isEqualTo("bob"));

            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(chat.notificationsTo("bob")).isEmpty();
            assertThat(chat.notificationsTo("alice")).extracting(Notification::target).contains(TargetId.parse("n3"));
        }
    }

    @Test
    void aSubscriptionFromCriticalUpIgnoresADegradedServiceButHearsItsOutage() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.badResponse("n2/api", 503, "")).runFor(farm.detectionWindow());
            assertThat(chat.notificationsTo("carol")).as("DEGRADED is a warning").isEmpty();
            assertThat(kinds(chat.notificationsTo("alice"))).containsExactly(NotificationKind.ALERT);

            farm.inject(Fault.serviceDown("n2/api")).runFor(farm.detectionWindow());
            assertThat(chat.notificationsTo("carol")).extracting(Notification::target)
                    .containsOnly(TargetId.parse("n2/api"));
            assertThat(chat.notificationsTo("carol")).extracting(Notification::severity).containsOnly(Severity.CRITICAL);
        }
    }

    @Test
    void anUnsubscribedContactHearsNoMore() {
        try (SimulatedCluster farm = farm(team().build())) {
            farm.runFor(Duration.ofMinutes(3));
            assertThat(farm.engine("n4").changeRouting(new RoutingChange.Unsubscribe("bob", TargetPattern.of("n3"), "bob")))
                    .isTrue();
            assertThat(farm.engine("n4").changeRouting(new RoutingChange.Unsubscribe("bob", TargetPattern.of("n3"), "bob")))
                    .as("nothing left to end").isFalse();
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(chat.notificationsTo("bob")).isEmpty();
            assertThat(chat.notificationsTo("alice")).hasSize(1);
        }
    }

    @Test
    void aDownAlertThatWouldReachNobodyGoesToWhoeverIsOnCall() {
        Routing nobodySubscribed = Routing.builder()
                .contact(Contact.of("alice", "chat", "@alice", "phone", "+15550001", "team-chat", "alice"))
                .onCall(OnCallSchedule.in(ZoneOffset.UTC).shift(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, "alice").build())
                .build();
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).notifier(phone).routing(nobodySubscribed)
                .build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(kinds(chat.notificationsTo("alice"))).containsExactly(NotificationKind.ALERT);
            assertThat(kinds(phone.notificationsTo("alice"))).containsExactly(NotificationKind.ALERT);
        }
    }

    @Test
    void whatReachesNobodyIsRecordedAsNotSent() {
        // alice has an address on the farm's own channel (team-chat) too, so no channel is a broadcast channel.
        Routing quiet = Routing.builder().contact(Contact.of("alice", "chat", "@alice", "team-chat", "alice")).build();
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).routing(quiet).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.badResponse("n2/api", 503, "")).runFor(farm.detectionWindow());

            assertThat(chat.notifications()).isEmpty();
            assertThat(farm.notifications().notifications()).isEmpty();
            assertThat(farm.events()).anyMatch(event -> event.kind() == EventKind.NOTIFICATION_SUPPRESSED
                    && "nobody subscribed".equals(event.attributes().get("why")));
        }
    }

    @Test
    void aDeliveryToAContactFailsOverToTheirAddressOnTheStandby() {
        RecordingNotifier sms = new RecordingNotifier("sms");
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", "chat", "@alice", "sms", "+15550001", "team-chat", "alice"))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via("chat"))
                .build();
        chat.failAlways();
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).notifier(sms).failover("chat", "sms")
                .deliveryPolicy(DeliveryPolicy.custom().attempts(2).build()).routing(routing).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow().plusMinutes(1));

            assertThat(kinds(sms.notificationsTo("alice"))).containsExactly(NotificationKind.ALERT);
            assertThat(farm.events()).anyMatch(event -> event.kind() == EventKind.NOTIFICATION_SENT
                    && event.message().startsWith("Sent sms to alice: CRITICAL: node n3 DOWN")
                    && "chat".equals(event.attributes().get("failover-from")) && "alice".equals(event.attributes().get("to")));
        }
    }

    @Test
    void copiesForContactsWithoutAnAddressOnTheStandbyReachItsOwnDestinationOnce() {
        RecordingNotifier pager = new RecordingNotifier("pager");
        Routing.Builder three = Routing.builder();
        for (String name : List.of("alice", "bob", "carol")) {
            three.contact(Contact.of(name, "chat", "@" + name, "team-chat", name))
                    .subscribe(Subscription.of(name, "*", Severity.WARNING).via("chat"));
        }
        chat.failAlways();
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).notifier(pager).failover("chat", "pager")
                .deliveryPolicy(DeliveryPolicy.custom().attempts(2).suspendAfter(100).build()).routing(three.build()).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow().plusMinutes(1));

            assertThat(chat.failedAttempts()).hasSize(6);
            assertThat(pager.notificationsToTheChannel()).as("one copy, not one per contact").singleElement()
                    .satisfies(alert -> assertThat(alert.kind()).isEqualTo(NotificationKind.ALERT));
        }
    }

    @Test
    void aDeliveryToAContactLeftUnsentByACrashReachesThemAfterTheRestart() {
        chat.failAlways();
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).routing(Routing.builder()
                        .contact(Contact.of("alice", "chat", "@alice", "team-chat", "alice"))
                        .subscribe(Subscription.of("alice", "n3", Severity.WARNING).via("chat")).build())
                .deliveryPolicy(DeliveryPolicy.custom().attempts(20).build()).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(chat.failedAttempts()).as("the alert waits for its next attempt").isNotEmpty();

            farm.inject(Fault.crash("n2"));
            chat.recoverFromFailures();
            farm.runFor(Duration.ofSeconds(30)).inject(Fault.recovery("n2")).runFor(Duration.ofMinutes(2));

            assertThat(chat.notificationsTo("alice")).as("the alert queued for alice before the crash, sent once after it")
                    .filteredOn(notification -> notification.kind() == NotificationKind.ALERT).hasSize(1);
            assertThat(chat.notificationsToTheChannel()).isEmpty();
        }
    }

    @Test
    void copiesOfOneNotificationFailingForSeveralContactsDoNotSuspendTheChannel() {
        Routing.Builder three = Routing.builder();
        for (String name : List.of("alice", "bob", "carol")) {
            three.contact(Contact.of(name, "chat", "@" + name)).subscribe(Subscription.of(name, "*", Severity.WARNING));
        }
        chat.failNext(3);
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).routing(three.build()).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow().plusMinutes(1));

            assertThat(chat.failedAttempts()).hasSize(3);
            assertThat(farm.events()).noneMatch(event -> event.kind() == EventKind.CHANNEL_SUSPENDED);
            for (String name : List.of("alice", "bob", "carol")) {
                assertThat(kinds(chat.notificationsTo(name))).as(name).containsExactly(NotificationKind.ALERT);
            }
        }
    }

    @Test
    void anAddressOnAChannelThatNamesNoChannelIsRefusedWhenTheEngineIsBuilt() {
        Routing typo = Routing.builder().contact(Contact.of("alice", "chta", "@alice")).build();

        assertThatThrownBy(() -> farm(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contact alice has an address on channel 'chta', which does not exist")
                .hasMessageContaining("chat");
    }

    private static List<Notification> about(List<Notification> notifications, String target) {
        return notifications.stream().filter(n -> n.target().equals(TargetId.parse(target))).toList();
    }

    private static List<NotificationKind> kinds(List<Notification> notifications) {
        return notifications.stream().map(Notification::kind).toList();
    }
}
