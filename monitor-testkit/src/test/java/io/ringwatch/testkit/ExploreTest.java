package io.ringwatch.testkit;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        long t0 = System.nanoTime();
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(1000).build()) {
            long t1 = System.nanoTime();
            for (int h = 0; h < 24; h++) {
                farm.runFor(Duration.ofHours(1));
            }
            long t2 = System.nanoTime();
            System.out.println("build " + (t1 - t0) / 1e9 + " s, run " + (t2 - t1) / 1e9 + " s, tasks " + farm.scheduler().executedCount()
                + " events " + farm.events().size() + " notes " + farm.notifications().notifications().size());
        }
    }
}
