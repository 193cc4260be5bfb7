package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static io.ringwatch.testkit.RingwatchAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.testkit.notify.RecordingNotifierProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@SimulatedFarm(nodes = 5)
class CrashTest {
    private static final TargetId N3 = TargetId.parse("n3");

    @Test
    void reportsACrashedNodeOnceFromItsNearestWatcherAndItsRecoveryOnce(SimulatedCluster farm) {
        farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneAlertFor(N3).hasAlert(N3, Status.DOWN).allFrom(NodeId.of("n2"))
                .hasNothingFor(TargetId.parse("n3/api"));

        farm.inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneRecoveryFor(N3).hasOneIncidentKeyFor(N3).hasSize(2);
    }

    @Test
    void aCrashStopsTheChannelsOfTheCrashedEngineAsAKillWould() {
        try (SimulatedCluster farm = SimulatedCluster.builder().channel(RecordingNotifierProvider.ID, "pager", Map.of()).build()) {
            farm.runFor(Duration.ofMinutes(3));
            assertThat(RecordingNotifierProvider.channel("pager").isClosed()).isFalse();

            farm.inject(Fault.crash("n3"));

            // One recording channel per name stands for every engine's: n3's crash closed it (a receiving
            // channel stops taking messages so), though it goes on recording for the others.
            assertThat(RecordingNotifierProvider.channel("pager").isClosed()).isTrue();
        } finally {
            RecordingNotifierProvider.reset();
        }
    }

    @Test
    void confirmsACrashWithinIntervalJitterRetriesAndATimeout(SimulatedCluster farm) {
        Instant crashedAt = farm.clock().instant();
        farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

        MonitorConfig config = farm.config();
        Duration worst = config.interval().plus(config.interval().dividedBy(10))
                .plus(config.retryInterval().multipliedBy(config.confirmations() - 1)).plus(config.timeout());
        Notification alert = farm.notifications().alerts().get(0);
        assertThat(Duration.between(crashedAt, alert.at())).isLessThanOrEqualTo(worst);
        assertThat(alert.since()).isAfterOrEqualTo(crashedAt).isBefore(alert.at());
        assertThat(alert.reason()).isEqualTo("connection refused");
    }

    @Test
    void aHungNodeIsReportedDownWhenItsChecksTimeOut(SimulatedCluster farm) {
        farm.inject(Fault.hang("n3")).runFor(farm.detectionWindow());

        assertThat(farm.notifications()).hasExactlyOneAlertFor(N3);
        assertThat(farm.notifications().alerts().get(0).reason()).startsWith("timed out");
    }

    @Test
    void theRingHealsAroundACrashedNodeAndBackWhenItReturns(SimulatedCluster farm) {
        farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

        assertThat(farm.view("n1").watching()).extracting(NodeId::value).containsExactly("n2", "n3", "n4");
        assertThat(farm.view("n2").watching()).extracting(NodeId::value).containsExactly("n3", "n4", "n5");
        assertThat(farm.view("n2").statusOf(N3)).isEqualTo(Status.DOWN);

        farm.inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

        assertThat(farm.view("n1").watching()).extracting(NodeId::value).containsExactly("n2", "n3");
        assertThat(farm.view("n2").watching()).extracting(NodeId::value).containsExactly("n3", "n4");
        assertThatEvents(farm.events()).hasEvent(EventKind.WATCH_CHANGED);
    }

    @Test
    @SimulatedFarm(nodes = 6)
    void twoAdjacentCrashesAreEachReportedOnceAndLeaveNoLiveNodeUnwatched(SimulatedCluster farm) {
        farm.inject(Fault.crash("n3")).inject(Fault.crash("n4")).runFor(farm.detectionWindow().multipliedBy(2));

        assertThat(farm.notifications()).hasExactlyOneAlertFor(N3).hasExactlyOneAlertFor(TargetId.parse("n4"))
                .hasKindsExactly(NotificationKind.ALERT, NotificationKind.ALERT);
        List<String> live = List.of("n1", "n2", "n5", "n6");
        for (String node : live) {
            long watchers = live.stream().filter(watcher -> !watcher.equals(node))
                    .filter(watcher -> farm.view(watcher).watching().contains(NodeId.of(node))
                            && farm.view(watcher).statusOf(TargetId.parse(node)) == Status.UP)
                    .count();
            assertThat(watchers).as("live watchers of %s%n%s", node, farm.describe()).isEqualTo(2);
        }
    }

    @Test
    void aRestartedNodeStartsFreshAndRaisesNothingAboutHealthyPartners(SimulatedCluster farm) {
        farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow())
                .inject(Fault.recovery("n3")).runFor(Duration.ofMinutes(10));

        assertThat(farm.view("n3").watching()).extracting(NodeId::value).containsExactly("n4", "n5");
        assertThat(Stream.of("n4", "n5").map(node -> farm.view("n3").statusOf(TargetId.parse(node)))).containsOnly(Status.UP);
        assertThat(farm.notifications()).hasKindsExactly(NotificationKind.ALERT, NotificationKind.RECOVERY);
        assertThat(farm.eventLog("n3")).hasEventCount(EventKind.ENGINE_STARTED, 2);
    }
}
