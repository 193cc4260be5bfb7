package io.ringwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.engine.eventlog.HumanEventFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same script and seed give the same run, event for event: a failing simulation can be replayed. */
class DeterminismTest {

    private static List<String> run(long seed) {
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(7).seed(seed).latency(Duration.ofMillis(40)).build()) {
            farm.runFor(Duration.ofMinutes(4))
                    .inject(Fault.crash("n3"))
                    .inject(Fault.flapping("n5/api"))
                    .at(Duration.ofMinutes(7), Fault.recovery("n3"))
                    .at(Duration.ofMinutes(9), Fault.pause("n6", Duration.ofMinutes(2)))
                    .runFor(Duration.ofHours(1));
            return farm.events().stream().map(event -> HumanEventFormat.format(event) + " " + event.attributes()).toList();
        }
    }

    @Test
    void theSameSeedGivesTheSameEventsInTheSameOrder() {
        List<String> first = run(42);
        assertThat(first).hasSizeGreaterThan(100);
        assertThat(run(42)).containsExactlyElementsOf(first);
    }

    @Test
    void anotherSeedGivesAnotherRhythm() {
        assertThat(run(43)).isNotEqualTo(run(42));
    }
}
