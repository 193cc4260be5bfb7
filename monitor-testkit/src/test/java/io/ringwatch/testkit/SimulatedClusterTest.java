package io.ringwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.testkit.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {

    @Test
    void startsFiveNodesEachHostingOneServiceAtAnAwkwardInstant() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            assertThat(farm.nodes()).extracting(NodeId::value).containsExactly("n1", "n2", "n3", "n4", "n5");
            assertThat(farm.clock().instant()).isEqualTo(FakeClock.AWKWARD_START);
            farm.runFor(Duration.ofMinutes(2));
            assertThat(farm.view("n1").statusOf(TargetId.parse("n2/api"))).isEqualTo(Status.UP);
            assertThat(farm.describe()).contains("n1 RUNNING watches n2=UP n3=UP");
            assertThat(farm.checkCount()).as("2 partners and their services, by 5 nodes, in 1 or 2 cycles").isBetween(20L, 40L);
            assertThat(farm.questionCount()).isZero();
        }
    }

    @Test
    void runsAFarmLaidOutNodeByNode() {
        Instant start = Instant.parse("2038-01-19T03:14:07.999999999Z");
        try (SimulatedCluster farm = SimulatedCluster.builder().clock(FakeClock.at(start))
                .node("web1", "shop").node("web2", "shop", "admin").node("db1").build()) {
            farm.runFor(Duration.ofMinutes(2));
            assertThat(farm.view("web1").statusOf(TargetId.parse("web2/admin"))).isEqualTo(Status.UP);
            assertThat(farm.view("db1").watching()).extracting(NodeId::value).containsExactly("web1", "web2");
        }
    }

    @Test
    void servicesApplyToTheNodesMadeForTheFarmWhateverTheOrderOfCalls() {
        try (SimulatedCluster before = SimulatedCluster.builder().services("shop").build();
                SimulatedCluster after = SimulatedCluster.builder().nodes(3).services("shop").build()) {
            before.runFor(Duration.ofMinutes(2));
            after.runFor(Duration.ofMinutes(2));
            assertThat(before.view("n1").statusOf(TargetId.parse("n2/shop"))).isEqualTo(Status.UP);
            assertThat(after.view("n1").statusOf(TargetId.parse("n2/shop"))).isEqualTo(Status.UP);
        }
    }

    @Test
    void aNodeRestartedAfterACrashKeepsTheFarmsMaintenanceWindows() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            Instant now = farm.clock().instant();
            farm.scheduleMaintenance(new io.ringwatch.engine.MaintenanceWindow(TargetId.parse("n4"), now,
                    now.plus(Duration.ofHours(2)), "rack move"));
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow())
                    .inject(Fault.recovery("n3")).runFor(Duration.ofMinutes(5))
                    .inject(Fault.crash("n4")).runFor(Duration.ofMinutes(30));

            assertThat(farm.notifications().notifications()).noneMatch(n -> n.target().equals(TargetId.parse("n4")));
        }
    }

    @Test
    void scriptedFaultsHappenAtTheirTime() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            farm.at(Duration.ofMinutes(5), Fault.crash("n3")).runFor(Duration.ofMinutes(4));
            assertThat(farm.describe()).contains("n3 RUNNING");
            farm.runFor(Duration.ofMinutes(2));
            assertThat(farm.describe()).contains("n3 CRASHED");
        }
    }

    @Test
    void namesWhatIsWrongWithAFault() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            assertThatThrownBy(() -> farm.inject(Fault.crash("n9"))).hasMessageContaining("no node n9 in this farm");
            assertThatThrownBy(() -> farm.inject(Fault.serviceDown("n3/shop")))
                    .hasMessageContaining("node n3 hosts no service shop");
        }
        assertThatThrownBy(() -> Fault.serviceDown("n3")).hasMessageContaining("expected a service such as n3/orders-api");
        assertThatThrownBy(() -> Fault.pause("n1", Duration.ZERO)).hasMessageContaining("a pause must last");
        assertThatThrownBy(() -> Fault.partition("n1", "n1")).hasMessageContaining("cannot be partitioned from itself");
        assertThatThrownBy(() -> SimulatedCluster.builder().nodes(0)).hasMessageContaining("at least one node");
        assertThatThrownBy(() -> SimulatedCluster.builder().node("a").node("a")).hasMessageContaining("node a is listed twice");
    }

    @Test
    void aFailureMessageShowsTheFarmAndWhatWasNotified() {
        try (SimulatedCluster farm = SimulatedCluster.builder().build()) {
            farm.runFor(Duration.ofMinutes(2)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            assertThat(farm.toString()).contains("n3 CRASHED", "n2 ALERT CRITICAL: node n3 DOWN");
        }
    }
}
