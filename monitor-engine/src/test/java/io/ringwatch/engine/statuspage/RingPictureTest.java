package io.ringwatch.engine.statuspage;

import static io.ringwatch.engine.statuspage.Timeline.N1;
import static io.ringwatch.engine.statuspage.Timeline.N2;
import static io.ringwatch.engine.statuspage.Timeline.N3;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class RingPictureTest {
    private static final NodeId N4 = NodeId.of("n4");

    private final String svg = RingPicture.svg(
            List.of(new FarmStatus.RingNode(N1, Status.UP, true, true), new FarmStatus.RingNode(N2, Status.DOWN, false, true),
                    new FarmStatus.RingNode(N3, Status.UNKNOWN, true, true), new FarmStatus.RingNode(N4, Status.UP, false, false)),
            List.of(new FarmStatus.RingEdge(N1, N2, true), new FarmStatus.RingEdge(N2, N3, false),
                    new FarmStatus.RingEdge(N3, NodeId.of("gone"), true)));

    @Test
    void drawsEachMemberWithItsStateAndAWatchedOnlyMachineAsASquare() {
        assertThat(svg).startsWith("<svg class=\"ring-picture\"").endsWith("</svg>");
        assertThat(svg).contains("<g class=\"ring-node up\" data-node=\"n1\" data-status=\"UP\"><circle",
                "<g class=\"ring-node down silent\" data-node=\"n2\" data-status=\"DOWN\"><circle",
                "<g class=\"ring-node unknown\" data-node=\"n3\" data-status=\"UNKNOWN\"><circle",
                "<g class=\"ring-node up silent\" data-node=\"n4\" data-status=\"UP\"><rect",
                "<title>n4: UP (watched only, runs no agent)</title>");
    }

    @Test
    void drawsWhatAWatcherSaidAsCurrentAndThePlanOfASilentOneAsPlanned() {
        assertThat(svg).contains("<line class=\"edge current\" data-watcher=\"n1\" data-watched=\"n2\"",
                "<line class=\"edge planned\" data-watcher=\"n2\" data-watched=\"n3\"",
                "<title>n2 watches n3 (by plan: it did not answer)</title>");
        assertThat(svg).as("an edge to a node not on the ring").doesNotContain("gone");
        assertThat(svg.split("<line ", -1)).hasSize(3);
    }

    @Test
    void placesTheFirstMemberAtTheTop() {
        assertThat(svg).contains("<circle cx=\"180.0\" cy=\"50.0\" r=\"20.0\"/>");
    }
}
