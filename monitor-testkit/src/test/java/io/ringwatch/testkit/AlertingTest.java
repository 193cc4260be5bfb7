package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static io.ringwatch.testkit.RingwatchAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MaintenanceWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@SimulatedFarm(nodes = 5)
class AlertingTest {
    private static final TargetId N3 = TargetId.parse("n3");
    private static final TargetId API = TargetId.parse("n3/api");

    @Nested
    class Flapping {

        @Test
        void aFlappingServiceAlertsOnceAndOnceMoreWhenItSettles(SimulatedCluster farm) {
            farm.inject(Fault.flapping("n3/api")).runFor(Duration.ofHours(1));

            assertThat(farm.notifications()).hasKindsExactly(NotificationKind.FLAPPING);
            assertThatEvents(farm.events()).hasEvent(EventKind.FLAPPING_STARTED, API);

            farm.inject(Fault.recovery("n3/api")).runFor(Duration.ofHours(1));

            assertThat(farm.notifications()).hasKindsExactly(NotificationKind.FLAPPING, NotificationKind.RECOVERY)
                    .hasOneIncidentKeyFor(API);
            assertThatEvents(farm.events()).hasEvent(EventKind.FLAPPING_STOPPED, API);
        }
    }

    @Nested
    class RemindersAndEscalation {

        @Test
        void anUnacknowledgedDownIsRemindedEveryRepeatIntervalAndEscalatedOnce(SimulatedCluster farm) {
            farm.inject(Fault.crash("n3")).runFor(Duration.ofHours(2));

            Notification alert = farm.notifications().alerts().get(0);
            assertThat(farm.notifications().notifications()).filteredOn(n -> n.kind() == NotificationKind.ESCALATION)
                    .singleElement().satisfies(escalation -> assertThat(Duration.between(alert.at(), escalation.at()))
                            .isEqualTo(farm.config().escalationDelay()));
            assertThat(farm.notifications().notifications()).filteredOn(n -> n.kind() == NotificationKind.REMINDER)
                    .hasSize(3).allSatisfy(reminder -> {
                        assertThat(reminder.incidentKey()).isEqualTo(alert.incidentKey());
                        assertThat(reminder.observer()).isEqualTo(alert.observer());
                    });
        }

        @Test
        void acknowledgingStopsRemindersAndEscalationAndLandsInTheLog(SimulatedCluster farm) {
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(farm.acknowledge("n3", "tim", "Ok, I got this one")).isTrue();
            farm.runFor(Duration.ofHours(2));

            assertThat(farm.notifications()).hasKindsExactly(NotificationKind.ALERT, NotificationKind.ACKNOWLEDGED);
            assertThat(farm.notifications().notifications().get(1).reason())
                    .isEqualTo("acknowledged by tim: Ok, I got this one");
            assertThat(farm.view("n2").target(N3)).hasValueSatisfying(view -> assertThat(view.acknowledged()).isTrue());
            assertThat(farm.eventLog("n2")).hasEventMatching(event -> event.kind() == EventKind.ACKNOWLEDGED
                    && event.message().equals("tim acknowledged node n3 DOWN: Ok, I got this one"), "tim's acknowledgement");
        }

        @Test
        void anAcknowledgementGivenToAnotherWatcherReachesTheOneThatAlerted(SimulatedCluster farm) {
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(farm.notifications().alerts()).singleElement().extracting(n -> n.observer().value()).isEqualTo("n2");

            farm.engine("n1").acknowledge(N3, "tim", "");
            farm.runFor(Duration.ofHours(2));

            assertThat(farm.notifications()).as("told once, by the watcher that alerted")
                    .hasKindsExactly(NotificationKind.ALERT, NotificationKind.ACKNOWLEDGED);
            assertThat(farm.notifications().notifications().get(1).observer().value()).isEqualTo("n2");
            assertThat(farm.eventLog("n2")).hasEvent(EventKind.ACKNOWLEDGED, N3);
        }

        @Test
        void thereIsNothingToAcknowledgeWhenAllIsWell(SimulatedCluster farm) {
            assertThat(farm.acknowledge("n3", "tim", "just checking")).isFalse();
        }
    }

    @Nested
    class Maintenance {

        @Test
        void aTargetInMaintenanceIsLoggedButNobodyIsToldAndItsRecoveryIsQuietToo(SimulatedCluster farm) {
            Instant now = farm.clock().instant();
            farm.scheduleMaintenance(new MaintenanceWindow(N3, now, now.plus(Duration.ofHours(1)), "kernel upgrade"));
            farm.inject(Fault.crash("n3")).runFor(Duration.ofMinutes(20)).inject(Fault.recovery("n3"))
                    .runFor(Duration.ofMinutes(20));

            assertThat(farm.notifications()).isEmpty();
            assertThatEvents(farm.events())
                    .hasEventMatching(event -> event.kind() == EventKind.STATE_CHANGED && N3.equals(event.target())
                            && event.status() == Status.DOWN, "n3 seen DOWN")
                    .hasEventMatching(event -> event.kind() == EventKind.NOTIFICATION_SUPPRESSED
                            && event.message().contains("maintenance: kernel upgrade"), "the alert held back for maintenance")
                    .hasEvent(EventKind.MAINTENANCE_STARTED, N3);
        }

        @Test
        void aTargetStillDownWhenItsMaintenanceEndsIsAlertedThen(SimulatedCluster farm) {
            Instant now = farm.clock().instant();
            Instant end = now.plus(Duration.ofMinutes(30));
            farm.scheduleMaintenance(new MaintenanceWindow(N3, now, end, "kernel upgrade"));
            farm.inject(Fault.crash("n3")).runFor(Duration.ofHours(1));

            assertThat(farm.notifications()).hasExactlyOneAlertFor(N3);
            assertThat(farm.notifications().alerts().get(0).at()).isAfterOrEqualTo(end);
            assertThatEvents(farm.events()).hasEvent(EventKind.MAINTENANCE_ENDED, N3);
        }

        @Test
        void aWindowOnANodeCoversItsServices(SimulatedCluster farm) {
            Instant now = farm.clock().instant();
            farm.scheduleMaintenance(new MaintenanceWindow(N3, now, now.plus(Duration.ofHours(1)), "deploy"));
            farm.inject(Fault.badResponse("n3/api", 503, "deploying")).runFor(Duration.ofMinutes(30));

            assertThat(farm.notifications()).isEmpty();
        }
    }
}
