package io.ringwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import io.ringwatch.engine.statuspage.FarmStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The status page of a simulated farm: what the people who use it see through an outage. */
@SimulatedFarm(nodes = 5)
class StatusPageTest {
    private static final TargetId N3 = TargetId.parse("n3");

    @Test
    void followsAnOutageFromDownToAcknowledgedToResolved(SimulatedCluster farm) {
        farm.runFor(Duration.ofMinutes(3));
        FarmStatus before = farm.statusPage("n1");
        assertThat(before.targets()).hasSize(10).allMatch(row -> row.status() == Status.UP);
        assertThat(before.ring()).allMatch(FarmStatus.RingNode::answered);
        assertThat(before.incidents()).isEmpty();

        farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
        farm.acknowledge("n3", "alice", "on it");
        farm.runFor(Duration.ofMinutes(1));
        FarmStatus during = farm.statusPage("n1");

        assertThat(during.row(N3).orElseThrow().status()).isEqualTo(Status.DOWN);
        assertThat(during.row(TargetId.parse("n3/api")).orElseThrow().status()).as("nobody checks a down node's services")
                .isEqualTo(Status.UNKNOWN);
        assertThat(during.ring()).filteredOn(node -> node.node().equals(NodeId.of("n3"))).singleElement()
                .satisfies(node -> assertThat(node.answered()).isFalse());
        assertThat(during.edges()).filteredOn(edge -> edge.watcher().equals(NodeId.of("n3"))).isNotEmpty()
                .noneMatch(FarmStatus.RingEdge::current);
        assertThat(during.incidents()).as("seen by both watchers, shown once").singleElement().satisfies(incident -> {
            assertThat(incident.target()).isEqualTo(N3);
            assertThat(incident.closed()).isFalse();
            assertThat(incident.acknowledgements()).extracting(note -> note.by()).first().isEqualTo("alice");
        });

        farm.inject(Fault.recovery("n3")).runFor(farm.detectionWindow());
        FarmStatus after = farm.statusPage("n2");

        FarmStatus.TargetRow n3 = after.row(N3).orElseThrow();
        assertThat(n3.status()).isEqualTo(Status.UP);
        assertThat(after.incidents()).singleElement().satisfies(incident -> assertThat(incident.closed()).isTrue());
        assertThat(n3.period().down()).isPositive();
        Instant until = n3.seenUntil();
        TargetUptime fromTheLog = UptimeReport.of(farm.eventLog(n3.seenBy().value()).events(), until.minus(Duration.ofDays(90)), until)
                .targets().stream().filter(target -> target.target().equals(N3)).findFirst().orElseThrow();
        assertThat(n3.period().uptimePercent()).isEqualTo(fromTheLog.uptimePercent());
        assertThat(n3.period().down()).isEqualTo(fromTheLog.down());
        ReportedIncident incident = after.incidents().get(0);
        assertThat(incident.duration(after.at())).isLessThanOrEqualTo(Duration.ofMinutes(1).plus(farm.detectionWindow().multipliedBy(2)));
    }

    @Test
    void aNodeThatIsDownServesNoPage(SimulatedCluster farm) {
        farm.inject(Fault.crash("n3"));

        assertThatIllegalStateException().isThrownBy(() -> farm.statusPage("n3")).withMessageContaining("n3 serves no page");
    }

    @Test
    void aNodeCutOffFromTheOthersShowsOnlyWhatItSeesItself(SimulatedCluster farm) {
        farm.runFor(Duration.ofMinutes(3)).inject(Fault.isolate("n1"));

        FarmStatus page = farm.statusPage("n1");

        assertThat(page.ring()).filteredOn(FarmStatus.RingNode::answered).extracting(FarmStatus.RingNode::node)
                .containsExactly(NodeId.of("n1"));
    }
}
