package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MaintenanceWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Incidents over their whole life: a second outage, a fallen sender, maintenance, a target the ring moves away from. */
class IncidentLifecycleTest {
    private static final TargetId N3 = TargetId.parse("n3");
    private static final TargetId N3_API = TargetId.parse("n3/api");

    private static List<Notification> about(SimulatedCluster farm, TargetId target) {
        return farm.notifications().notifications().stream().filter(n -> n.target().equals(target)).toList();
    }

    @Property(tries = 25)
    void aSecondOutageIsAlertedAfterTheFirstRecoveredQuietlyInMaintenance(@ForAll @LongRange(min = 1, max = 1_000) long seed) {
        try (SimulatedCluster farm = SimulatedCluster.builder().seed(seed).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            Instant now = farm.clock().instant();
            farm.scheduleMaintenance(new MaintenanceWindow(N3, now, now.plus(Duration.ofMinutes(20)), "fixing"));
            farm.inject(Fault.recovery("n3")).runFor(Duration.ofHours(1));
            Instant second = farm.clock().instant();
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(farm.notifications().alerts()).as("%s", farm)
                    .filteredOn(alert -> alert.at().isAfter(second)).singleElement()
                    .satisfies(alert -> assertThat(alert.incidentKey()).isNotEqualTo(farm.notifications().alerts().get(0).incidentKey()));
        }
    }

    @Test
    void whenTheWatcherThatAlertedFallsTheNextOneRemindsAndEscalates() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(farm.notifications().alerts()).singleElement().extracting(n -> n.observer().value()).isEqualTo("n2");

            farm.inject(Fault.crash("n2")).runFor(Duration.ofHours(2));

            List<Notification> aboutN3 = about(farm, N3);
            assertThat(aboutN3).extracting(Notification::kind).contains(NotificationKind.ESCALATION, NotificationKind.REMINDER);
            assertThat(aboutN3).filteredOn(n -> n.kind() != NotificationKind.ALERT)
                    .allSatisfy(n -> assertThat(n.observer().value()).isEqualTo("n1"))
                    .allSatisfy(n -> assertThat(n.incidentKey()).isEqualTo(aboutN3.get(0).incidentKey()));
        }
    }

    @Test
    void aServiceOfANodeThatWentDownIsNeitherRemindedNorEscalated() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.serviceDown("n3/api")).runFor(farm.detectionWindow())
                    .inject(Fault.crash("n3")).runFor(Duration.ofHours(2));

            assertThat(about(farm, N3_API)).extracting(Notification::kind).containsExactly(NotificationKind.ALERT);
            assertThat(about(farm, N3)).extracting(Notification::kind).contains(NotificationKind.ESCALATION);
        }
    }

    @Test
    void anEscalationDueDuringMaintenanceGoesOutWhenTheWindowCloses() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            Instant now = farm.clock().instant();
            Instant end = now.plus(Duration.ofMinutes(20));
            farm.scheduleMaintenance(new MaintenanceWindow(N3, now, end, "on it")).runFor(Duration.ofHours(1));

            assertThat(about(farm, N3)).filteredOn(n -> n.kind() == NotificationKind.ESCALATION).singleElement()
                    .satisfies(escalation -> assertThat(escalation.at()).isEqualTo(end));
        }
    }

    @Test
    void theEndOfOneMaintenanceWindowReleasesNothingAnotherStillCovers() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            Instant now = farm.clock().instant();
            farm.scheduleMaintenance(new MaintenanceWindow(N3, now, now.plus(Duration.ofMinutes(10)), "short"))
                    .scheduleMaintenance(new MaintenanceWindow(N3, now, now.plus(Duration.ofHours(2)), "long"))
                    .runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(Duration.ofHours(1));

            assertThat(farm.notifications()).isEmpty();
        }
    }

    @Property(tries = 30)
    void anIncidentOnATargetTheRingMovesAwayFromIsStillRecovered(@ForAll @LongRange(min = 1, max = 1_000) long seed) {
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(4).partners(1).seed(seed).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n2")).runFor(farm.detectionWindow())
                    .inject(Fault.serviceDown("n3/api")).runFor(farm.detectionWindow())
                    .inject(Fault.recovery("n2")).runFor(farm.detectionWindow())
                    .inject(Fault.recovery("n3/api")).runFor(farm.detectionWindow());

            Set<String> alerted = about(farm, N3_API).stream().filter(n -> n.kind() == NotificationKind.ALERT)
                    .map(Notification::incidentKey).collect(Collectors.toSet());
            Set<String> recovered = about(farm, N3_API).stream().filter(n -> n.kind() == NotificationKind.RECOVERY)
                    .map(Notification::incidentKey).collect(Collectors.toSet());
            assertThat(alerted).as("%s", farm).isNotEmpty();
            assertThat(recovered).as("every incident alerted is recovered%n%s", farm).containsAll(alerted);
        }
    }

    @Test
    void aCrashedNodeNeverNotifiesWhateverWasInFlight() {
        try (SimulatedCluster farm = SimulatedCluster.builder().latency(Duration.ofMillis(500)).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.hang("n3"));
            long questions = farm.questionCount();
            for (int step = 0; step < 3_000 && farm.questionCount() < questions + 2; step++) {
                farm.runFor(Duration.ofMillis(100));
            }
            assertThat(farm.questionCount()).as("n2 is asking n1 to confirm").isGreaterThanOrEqualTo(questions + 2);
            Instant crashedAt = farm.clock().instant();
            farm.inject(Fault.crash("n2")).runFor(Duration.ofMinutes(10));

            assertThat(farm.notifications().notifications())
                    .noneMatch(n -> n.observer().value().equals("n2") && n.at().isAfter(crashedAt));
            assertThat(farm.notifications()).hasExactlyOneAlertFor(N3);
            assertThat(farm.view("n1").statusOf(N3)).isEqualTo(Status.DOWN);
        }
    }
}
