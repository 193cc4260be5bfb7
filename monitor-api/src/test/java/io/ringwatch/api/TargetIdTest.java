package io.ringwatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetIdTest {

    @Test
    void readsAndWritesNodeAndServiceTargets() {
        assertThat(TargetId.parse("n3")).isEqualTo(TargetId.node(NodeId.of("n3")));
        assertThat(TargetId.parse("n3/orders-api")).hasToString("n3/orders-api")
                .isEqualTo(TargetId.service(NodeId.of("n3"), ServiceId.of("orders-api")));
    }

    @Test
    void describesTargetsTheWayPeopleReadThem() {
        assertThat(TargetId.parse("n3").describe("DOWN")).isEqualTo("node n3 DOWN");
        assertThat(TargetId.parse("n3/orders-api").describe("DOWN")).isEqualTo("orders-api DOWN on node n3");
    }

    @Test
    void ordersANodeBeforeItsServices() {
        assertThat(TargetId.parse("n3").compareTo(TargetId.parse("n3/a"))).isNegative();
        assertThat(TargetId.parse("n3/b").compareTo(TargetId.parse("n3/a"))).isPositive();
    }

    @Test
    void rejectsNamesThatCouldForgeALogLine() {
        assertThatThrownBy(() -> NodeId.of("n3\nCRITICAL: fake"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node id")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TargetId.parse("n3/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service id");
    }
}
