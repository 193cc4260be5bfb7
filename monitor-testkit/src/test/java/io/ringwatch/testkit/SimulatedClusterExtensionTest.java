package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.testkit.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SimulatedFarm(nodes = 4, partners = 1, services = "shop")
class SimulatedClusterExtensionTest {

    @Test
    void handsTheTestAWarmFarmDescribedByTheClassAnnotation(SimulatedCluster farm) {
        assertThat(farm.nodes()).hasSize(4);
        assertThat(farm.config().partners()).isEqualTo(1);
        assertThat(farm.clock().instant()).isEqualTo(FakeClock.AWKWARD_START.plus(Duration.ofMinutes(3)));
        assertThat(farm.view("n1").statusOf(TargetId.parse("n2/shop"))).isEqualTo(Status.UP);
        assertThat(farm.notifications()).isEmpty();
    }

    @Test
    @SimulatedFarm(nodes = 3, warmUp = "PT0S")
    void aMethodAnnotationOverridesTheClass(SimulatedCluster farm) {
        assertThat(farm.nodes()).extracting(NodeId::value).containsExactly("n1", "n2", "n3");
        assertThat(farm.clock().instant()).isEqualTo(FakeClock.AWKWARD_START);
    }

    @Test
    void givesEachParameterAFarmOfItsOwn(SimulatedCluster first, SimulatedCluster second) {
        first.inject(Fault.crash("n2")).runFor(first.detectionWindow());
        assertThat(first.notifications()).hasExactlyOneAlertFor(TargetId.parse("n2"));
        assertThat(second.notifications()).isEmpty();
    }
}
