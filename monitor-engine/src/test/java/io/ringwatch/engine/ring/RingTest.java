package io.ringwatch.engine.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RingTest {
    private final Ring ring = Ring.of(Stream.of("n1", "n2", "n3", "n4", "n5").map(NodeId::of).toList(), 2);

    @Test
    void eachNodeWatchesItsNextTwoSuccessors() {
        assertThat(ring.watchList(id("n1"), node -> false)).containsExactly(id("n2"), id("n3"));
        assertThat(ring.watchList(id("n5"), node -> false)).containsExactly(id("n1"), id("n2"));
    }

    @Test
    void aWatcherKeepsADownPartnerAndTakesOverTheNextLiveOne() {
        assertThat(ring.watchList(id("n1"), Set.of(id("n3"))::contains)).containsExactly(id("n2"), id("n3"), id("n4"));
    }

    @Test
    void theNearestLivePredecessorsWatchATarget() {
        assertThat(ring.watchersOf(id("n4"), Set.of(id("n3"))::contains)).containsExactly(id("n2"), id("n1"));
        assertThat(ring.liveBetween(id("n1"), id("n4"), Set.of(id("n3"))::contains)).containsExactly(id("n2"));
        assertThat(ring.liveBetween(id("n2"), id("n4"), Set.of(id("n3"))::contains)).isEmpty();
    }

    @Test
    void aRingOfTwoWatchesEachOther() {
        Ring pair = Ring.of(List.of(id("a"), id("b")), 2);
        assertThat(pair.watchList(id("a"), node -> false)).containsExactly(id("b"));
        assertThat(pair.watchersOf(id("a"), node -> false)).containsExactly(id("b"));
    }

    @Test
    void rejectsANodeListedTwiceAndAskingAboutAStranger() {
        assertThatThrownBy(() -> Ring.of(List.of(id("a"), id("a")), 2)).hasMessageContaining("node a is on the ring twice");
        assertThatThrownBy(() -> ring.watchList(id("x"), node -> false)).hasMessageContaining("node x is not on the ring");
        assertThatThrownBy(() -> Ring.of(List.of(id("a")), 0)).hasMessageContaining("partners must be at least 1");
    }

    private static NodeId id(String name) {
        return NodeId.of(name);
    }
}
