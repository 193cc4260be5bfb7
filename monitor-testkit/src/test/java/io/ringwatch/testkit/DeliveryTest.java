package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.testkit.notify.RecordingNotifier;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Retries with backoff, suspension of a failing channel, and failover to a standby, in virtual time. */
class DeliveryTest {

    @Test
    void aFailedDeliveryIsTriedAgainWithGrowingWaitsAndSucceeds() {
        RecordingNotifier chat = new RecordingNotifier("chat").failNext(2);
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow().plusMinutes(1));

            assertThat(chat.alerts()).hasSize(1);
            List<Event> attempts = chatEvents(farm, "chat", EventKind.NOTIFICATION_FAILED, EventKind.NOTIFICATION_SENT);
            assertThat(attempts).extracting(event -> event.kind() + " " + event.attributes().get("attempt"))
                    .containsExactly("NOTIFICATION_FAILED 1", "NOTIFICATION_FAILED 2", "NOTIFICATION_SENT 3");
            Duration firstWait = Duration.between(attempts.get(0).at(), attempts.get(1).at());
            Duration secondWait = Duration.between(attempts.get(1).at(), attempts.get(2).at());
            assertThat(firstWait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
            assertThat(secondWait).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
            assertThat(attempts.get(0).message()).contains("attempt 1 of 6, next in");
        }
    }

    @Test
    void aChannelThatNeverDeliversIsGivenUpAfterItsAttempts() {
        RecordingNotifier chat = new RecordingNotifier("chat").failAlways();
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat)
                .deliveryPolicy(DeliveryPolicy.custom().attempts(3).suspendAfter(10).build()).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow().plusMinutes(2));

            assertThat(chat.failedAttempts()).hasSize(3);
            assertThatEvents(farm.events()).hasEventMatching(event -> event.kind() == EventKind.NOTIFICATION_GAVE_UP
                    && "chat".equals(event.attributes().get("channel")), "the alert given up on chat");
        }
    }

    @Test
    void withThePrimaryChannelDownForTenMinutesEveryNotificationReachesTheStandbyOrLaterThePrimary() {
        RecordingNotifier primary = new RecordingNotifier("primary");
        RecordingNotifier standby = new RecordingNotifier("standby");
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(6).notifier(primary).notifier(standby)
                .failover("primary", "standby").build()) {
            farm.runFor(Duration.ofMinutes(3));

            primary.failAlways();
            farm.inject(Fault.crash("n3")).runFor(Duration.ofMinutes(3))
                    .inject(Fault.recovery("n3")).runFor(Duration.ofMinutes(2))
                    .inject(Fault.crash("n5")).runFor(Duration.ofMinutes(3))
                    .inject(Fault.serviceDown("n2/api")).runFor(Duration.ofMinutes(2));
            primary.recoverFromFailures();
            farm.inject(Fault.recovery("n5")).inject(Fault.recovery("n2/api")).runFor(Duration.ofMinutes(10));

            Set<String> dispatched = keys(farm.notifications().notifications());
            assertThat(dispatched).as("what the engines sent").hasSizeGreaterThanOrEqualTo(6);
            Set<String> delivered = keys(primary.notifications());
            delivered.addAll(keys(standby.notifications()));
            assertThat(delivered).as("delivered by the primary or its standby").containsAll(dispatched);
            assertThat(standby.notifications()).as("the standby stood in").isNotEmpty();
            assertThat(farm.events()).as("the primary gave up what the standby then sent")
                    .anyMatch(event -> event.kind() == EventKind.NOTIFICATION_GAVE_UP
                            && "primary".equals(event.attributes().get("channel")));
        }
    }

    @Test
    void whatThePrimaryGivesUpGoesToTheStandby() {
        RecordingNotifier primary = new RecordingNotifier("primary").failAlways();
        RecordingNotifier standby = new RecordingNotifier("standby");
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(primary).notifier(standby).failover("primary", "standby")
                .deliveryPolicy(DeliveryPolicy.custom().attempts(2).suspendAfter(100).build()).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow().plusMinutes(1));

            assertThat(primary.failedAttempts()).hasSize(2);
            assertThat(standby.alerts()).singleElement().satisfies(alert -> assertThat(alert.incidentKey())
                    .isEqualTo(primary.failedAttempts().get(0).incidentKey()));
        }
    }

    @Test
    void withASuspendedChannelAndNoStandbyEveryDeliveryEndsSentOrGivenUp() {
        RecordingNotifier chat = new RecordingNotifier("chat").failAlways();
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(chat)
                .config(MonitorConfig.custom().repeatInterval(Duration.ofMinutes(5)).build()).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(Duration.ofMinutes(40));
            chat.recoverFromFailures();
            farm.runFor(Duration.ofMinutes(30));

            List<Event> events = farm.events();
            Set<String> queued = deliveries(events, EventKind.NOTIFICATION_QUEUED);
            Set<String> ended = deliveries(events, EventKind.NOTIFICATION_SENT);
            ended.addAll(deliveries(events, EventKind.NOTIFICATION_GAVE_UP));
            assertThat(queued).as("deliveries queued for chat").hasSizeGreaterThan(3);
            assertThat(ended).as("each one sent or given up").containsAll(queued);
            assertThat(events).extracting(Event::kind).contains(EventKind.CHANNEL_SUSPENDED);
        }
    }

    @Test
    void aStandbyThatHasAStandbyOrChannelsStandingInForEachOtherAreRefused() {
        RecordingNotifier a = new RecordingNotifier("a");
        RecordingNotifier b = new RecordingNotifier("b");
        assertThatThrownBy(() -> SimulatedCluster.builder().notifier(a).notifier(b).failover("a", "b").failover("b", "a").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a standby cannot have a standby of its own");
    }

    @Test
    void aStandbyGetsNothingWhileThePrimaryDelivers() {
        RecordingNotifier primary = new RecordingNotifier("primary");
        RecordingNotifier standby = new RecordingNotifier("standby");
        try (SimulatedCluster farm = SimulatedCluster.builder().notifier(primary).notifier(standby)
                .failover("primary", "standby").build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(primary.alerts()).hasSize(1);
            assertThat(standby.notifications()).isEmpty();
        }
    }

    private static Set<String> deliveries(List<Event> events, EventKind kind) {
        return events.stream().filter(event -> event.kind() == kind && "chat".equals(event.attributes().get("channel")))
                .map(event -> event.observer() + " " + event.attributes().get("delivery"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> keys(List<Notification> notifications) {
        return notifications.stream().map(notification -> notification.kind() + " " + notification.incidentKey())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static List<Event> chatEvents(SimulatedCluster farm, String channel, EventKind... kinds) {
        Set<EventKind> wanted = Set.of(kinds);
        return farm.events().stream().filter(event -> wanted.contains(event.kind())
                && channel.equals(event.attributes().get("channel"))
                && NotificationKind.ALERT.name().equals(event.attributes().get("notification"))).toList();
    }
}
