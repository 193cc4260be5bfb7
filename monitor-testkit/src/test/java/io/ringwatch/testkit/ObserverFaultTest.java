package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static io.ringwatch.testkit.RingwatchAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A fault on the observer's side must never make it accuse its partners. */
@SimulatedFarm(nodes = 5)
class ObserverFaultTest {
    private static final NodeId N1 = NodeId.of("n1");

    @Test
    void anObserverCutOffFromEveryoneRaisesNoDownAboutItsPartners(SimulatedCluster farm) {
        farm.inject(Fault.isolate("n1")).runFor(Duration.ofMinutes(30));

        assertThat(farm.notifications().notifications()).noneMatch(n -> n.observer().equals(N1) && n.kind() == NotificationKind.ALERT);
        assertThat(farm.notifications().alerts()).extracting(Notification::target).containsOnly(TargetId.node(N1));
        assertThatEvents(farm.eventLog("n1").events()).hasEvent(EventKind.SELF_SUSPECTED)
                .hasNoEventMatching(event -> event.kind() == EventKind.STATE_CHANGED && event.status() != Status.UP,
                        "a change of n1's view of its partners into trouble");
    }

    @Test
    void anObserverThatReachesNobodyButIsReachedShowsItselfDegradedAndAccusesNobody(SimulatedCluster farm) {
        for (String other : new String[] {"n2", "n3", "n4", "n5"}) {
            farm.inject(Fault.oneWayPartition("n1", other));
        }
        farm.runFor(Duration.ofMinutes(30));

        assertThat(farm.notifications().alerts()).isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.target()).isEqualTo(TargetId.node(N1));
            assertThat(alert.current()).isEqualTo(Status.DEGRADED);
            assertThat(alert.reason()).contains("distrusts its own view");
        });
        assertThat(farm.view("n1").health()).isEqualTo(Status.DEGRADED);
    }

    @Test
    void aPausedObserverDistrustsItsLateCycleAndAccusesNobody(SimulatedCluster farm) {
        farm.inject(Fault.pause("n1", Duration.ofMinutes(3))).runFor(Duration.ofMinutes(30));

        assertThat(farm.notifications().notifications()).noneMatch(n -> n.observer().equals(N1));
        assertThat(farm.notifications().alerts()).extracting(Notification::target).containsOnly(TargetId.node(N1));
        assertThatEvents(farm.eventLog("n1").events())
                .hasEventMatching(event -> event.kind() == EventKind.SELF_SUSPECTED && event.message().contains("late"),
                        "a late cycle that made n1 suspect itself")
                .hasEvent(EventKind.SELF_TRUSTED);
    }

    @Test
    void aPathOnlyOneObserverCannotUseIsDisputedAndBecomesOneLowSeverityNotice(SimulatedCluster farm) {
        farm.inject(Fault.oneWayPartition("n1", "n3")).runFor(Duration.ofHours(1));

        assertThat(farm.notifications().alerts()).isEmpty();
        assertThat(farm.notifications().notifications()).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NotificationKind.NOTICE);
            assertThat(notice.severity()).isEqualTo(Severity.INFORMATION);
            assertThat(notice.observer()).isEqualTo(N1);
            assertThat(notice.reason()).contains("the path from n1 looks bad");
        });
        assertThatEvents(farm.eventLog("n1").events()).hasEvent(EventKind.CHECK_DISPUTED, TargetId.parse("n3"));
    }

    @Test
    void anObserverWhoseControlTargetFailsTrustsNoneOfItsFailures() {
        try (SimulatedCluster farm = SimulatedCluster.builder().withControlTargets().build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.isolate("n1")).runFor(Duration.ofMinutes(30));

            assertThat(farm.notifications().notifications()).noneMatch(n -> n.observer().equals(N1) && n.kind() == NotificationKind.ALERT);
            assertThatEvents(farm.eventLog("n1").events()).hasEventMatching(event -> event.kind() == EventKind.SELF_SUSPECTED
                    && event.message().contains("the control target failed (timed out"), "suspicion because of the control target");
        }
    }

    @Test
    void withOnePartnerAWatcherStillAsksAnotherNodeBeforeAccusing() {
        try (SimulatedCluster farm = SimulatedCluster.builder().partners(1).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.oneWayPartition("n1", "n2")).runFor(Duration.ofMinutes(30));

            assertThat(farm.notifications()).hasNoneOfKind(NotificationKind.ALERT);
            assertThatEvents(farm.eventLog("n1").events()).hasEvent(EventKind.CHECK_DISPUTED, TargetId.parse("n2"));
        }
    }

    @Test
    void aShortPartitionBetweenTwoNodesRaisesNothing(SimulatedCluster farm) {
        farm.inject(Fault.partition("n1", "n2")).runFor(Duration.ofMinutes(20)).inject(Fault.recovery("n2"))
                .runFor(Duration.ofMinutes(10));

        assertThat(farm.notifications()).hasNoneOfKind(NotificationKind.ALERT);
    }
}
