package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import org.junit.jupiter.api.Test;

/** A machine that runs no engine (an appliance, a database host) is watched like the others, and watches nobody. */
class WatchedOnlyNodeTest {

    private static SimulatedCluster farm() {
        return SimulatedCluster.builder()
                .node("n1", "api").node("n2", "api").watchedOnlyNode("db", "postgres").node("n3", "api").node("n4", "api")
                .build();
    }

    @Test
    void itIsCheckedWithItsServicesButCountsAsNobodysPartner() {
        try (SimulatedCluster farm = farm()) {
            farm.runFor(farm.detectionWindow());

            assertThat(farm.view("n2").watching()).extracting(NodeId::value).containsExactly("db", "n3", "n4");
            assertThat(farm.view("n1").watching()).extracting(NodeId::value).containsExactly("n2", "db", "n3");
            assertThat(farm.view("n2").statusOf(TargetId.parse("db/postgres"))).isEqualTo(Status.UP);
            assertThatThrownBy(() -> farm.engine("db")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("runs no engine");
        }
    }

    @Test
    void itsCrashIsAlertedOnceByItsNearestEngine() {
        try (SimulatedCluster farm = farm()) {
            farm.runFor(farm.detectionWindow());

            farm.inject(Fault.crash("db")).runFor(farm.detectionWindow());

            assertThat(farm.notifications()).hasExactlyOneAlertFor(TargetId.parse("db")).allFrom(NodeId.of("n2"))
                    .hasNothingFor(TargetId.parse("db/postgres"));
        }
    }

    @Test
    void theNodeAfterItIsStillWatchedByTwoEnginesAndAlertedOnceWithoutWaitingForIt() {
        try (SimulatedCluster farm = farm()) {
            farm.runFor(farm.detectionWindow());

            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(farm.notifications()).hasExactlyOneAlertFor(TargetId.parse("n3")).allFrom(NodeId.of("n2"));
            assertThat(farm.view("n1").statusOf(TargetId.parse("n3"))).isEqualTo(Status.DOWN);
        }
    }
}
