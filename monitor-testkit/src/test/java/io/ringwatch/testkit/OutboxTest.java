package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.testkit.notify.RecordingNotifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The durable outbox: what a crash leaves undelivered is sent when the node runs again, and nothing twice. */
class OutboxTest {
    @Test
    void aNodeKilledWhileRetryingSendsItsAlertWhenItRunsAgain() {
        RecordingNotifier chat = new RecordingNotifier("chat").failAlways();
        // Enough attempts that the alert is still waiting for one when its node is killed.
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat)
                .deliveryPolicy(DeliveryPolicy.custom().attempts(20).build()).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3"));
            farm.runFor(farm.detectionWindow());
            assertThat(chat.failedAttempts()).as("n2 tried the alert and waits to retry it").isNotEmpty();

            farm.inject(Fault.crash("n2"));          // killed mid-retry: its retry dies with it
            chat.recoverFromFailures();
            farm.runFor(Duration.ofSeconds(30));
            farm.inject(Fault.recovery("n2")).runFor(Duration.ofMinutes(2));

            String incident = farm.eventLog("n2").events().stream()
                    .filter(event -> event.kind() == EventKind.NOTIFICATION_QUEUED && "ALERT".equals(event.attributes().get("notification")))
                    .findFirst().orElseThrow().attributes().get("incident");
            assertThat(chat.notifications()).as("the alert queued before the crash, delivered once after the restart")
                    .filteredOn(notification -> notification.incidentKey().equals(incident) && notification.kind() == NotificationKind.ALERT
                            && notification.observer().equals(NodeId.of("n2")))
                    .hasSize(1);
            assertNoDeliveryTwice(chat);
            assertThat(chat.alerts()).as("the restarted node goes on with its incident: no alert under another key")
                    .extracting(Notification::incidentKey).containsOnly(incident);
        }
    }

    @Test
    void whatWasDeliveredIsNotSentAgainAfterARestart() {
        RecordingNotifier chat = new RecordingNotifier("chat");
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(chat.alerts()).hasSize(1);
            String incident = chat.alerts().get(0).incidentKey();

            farm.inject(Fault.crash("n2")).runFor(Duration.ofSeconds(30)).inject(Fault.recovery("n2"))
                    .runFor(Duration.ofMinutes(2));

            assertThat(chat.alerts()).as("one alert, and no second one after the restart").hasSize(1);
            assertThatEvents(farm.eventLog("n2").events()).hasEventMatching(event -> event.kind() == EventKind.NOTIFICATION_SUPPRESSED
                    && event.message().contains("alerted before n2 restarted"), "the restarted n2 going on with its incident");
            assertNoDeliveryTwice(chat);
        }
    }

    @Test
    void anIncidentThatEndedWhileItsNodeWasDownGetsItsRecoveryWhenTheNodeRunsAgain() {
        RecordingNotifier chat = new RecordingNotifier("chat");
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            String incident = chat.alerts().get(0).incidentKey();

            farm.inject(Fault.crash("n2")).inject(Fault.recovery("n3")).runFor(farm.detectionWindow())
                    .inject(Fault.recovery("n2")).runFor(farm.detectionWindow());

            assertThat(chat.notifications()).filteredOn(notification -> notification.kind() == NotificationKind.RECOVERY
                            && notification.target().equals(TargetId.parse("n3")))
                    .as("the recovery of the incident alerted before, under its key").isNotEmpty()
                    .extracting(Notification::incidentKey).containsOnly(incident);
            assertThat(chat.notifications()).as("n2, which sent the alert, sent its recovery once it ran again")
                    .anyMatch(notification -> notification.kind() == NotificationKind.RECOVERY
                            && notification.observer().equals(NodeId.of("n2")) && notification.incidentKey().equals(incident));
            assertNoDeliveryTwice(chat);
        }
    }

    /** Every notification, by kind, incident and sender, reached the channel once at most. */
    private static void assertNoDeliveryTwice(RecordingNotifier chat) {
        List<String> deliveries = chat.notifications().stream()
                .map(notification -> notification.kind() + " " + notification.incidentKey() + " " + notification.observer()).toList();
        assertThat(deliveries).doesNotHaveDuplicates();
    }
}
