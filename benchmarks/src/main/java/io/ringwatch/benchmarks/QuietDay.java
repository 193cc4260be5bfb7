package io.ringwatch.benchmarks;

import io.ringwatch.api.Notification;
import io.ringwatch.testkit.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A healthy day: nothing is injected, and nothing may be notified. Immutable. */
final class QuietDay implements Day {

    @Override
    public void script(SimulatedCluster farm) {
        // Nothing goes wrong.
    }

    @Override
    public Verdict judge(SimulatedCluster farm, Instant start, Duration ran) {
        List<Notification> sent = farm.notifications().notifications();
        if (sent.isEmpty()) {
            return Verdict.pass("no notifications on a healthy farm");
        }
        return Verdict.fail(sent.size() + " notification(s) on a healthy farm, the first: " + sent.get(0).headline()
                + " from " + sent.get(0).observer());
    }
}
