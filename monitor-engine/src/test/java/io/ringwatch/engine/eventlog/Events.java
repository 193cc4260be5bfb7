package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Events for the tests. */
final class Events {
    static final Instant AT = Instant.parse("2026-11-24T10:15:00Z");

    private Events() {
    }

    /** The seed's example: n1 sees orders-api on n3 go down. */
    static Event ordersApiDown() {
        return Event.builder(EventKind.STATE_CHANGED)
                .at(AT)
                .observer(NodeId.of("n1"))
                .target(TargetId.parse("n3/orders-api"))
                .status(Status.DOWN)
                .previous(Status.UP)
                .severity(Severity.CRITICAL)
                .message("orders-api DOWN on node n3")
                .attribute("reason", "connection refused")
                .build();
    }

    /** The n-th of a run of probe failures, one second apart; equal length for equal digit counts. */
    static Event probeFailure(int n) {
        return Event.builder(EventKind.PROBE_FAILED)
                .at(AT.plusSeconds(n))
                .observer(NodeId.of("n1"))
                .target(TargetId.parse("n3"))
                .status(Status.DOWN)
                .severity(Severity.WARNING)
                .message("check " + n + " of node n3 failed")
                .build();
    }

    /** The bytes {@link JsonLinesEventLog} writes for an event. */
    static int lineBytes(Event event) {
        return (EventJson.encode(event) + "\n").getBytes(StandardCharsets.UTF_8).length;
    }
}
