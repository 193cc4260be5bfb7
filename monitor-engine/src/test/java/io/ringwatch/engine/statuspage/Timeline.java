package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-made events for the status page's tests, all seen by n1, around an awkward "now". */
final class Timeline {
    /** The end of every period: mid-afternoon, with seconds and millis, so nothing lines up by chance. */
    static final Instant NOW = Instant.parse("2026-12-07T14:05:17.250Z");
    static final NodeId N1 = NodeId.of("n1");
    static final NodeId N2 = NodeId.of("n2");
    static final NodeId N3 = NodeId.of("n3");
    static final TargetId NODE_N2 = TargetId.node(N2);
    static final TargetId NODE_N3 = TargetId.node(N3);
    static final TargetId WEB = TargetId.parse("n3/web");

    private Timeline() {
    }

    static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    static Event state(Instant at, TargetId target, Status status) {
        return Event.builder(EventKind.STATE_CHANGED).at(at).observer(N1).target(target).status(status)
                .message(target + " " + status).attribute("since", at).build();
    }

    static Event maintenance(Instant at, TargetId target, EventKind kind) {
        return Event.builder(kind).at(at).observer(N1).target(target).message("maintenance").attribute("reason", "upgrade").build();
    }

    static Event annotation(Instant at, TargetId target, String by, String text) {
        return Event.builder(EventKind.ANNOTATION).at(at).observer(N1).target(target).message(by + ": " + text)
                .attribute("by", by).build();
    }

    static Event acknowledged(Instant at, TargetId target, String key, String by, String note) {
        return Event.builder(EventKind.ACKNOWLEDGED).at(at).observer(N1).target(target).message(by + " acknowledged")
                .attribute("by", by).attribute("note", note).attribute("incident", key).build();
    }

    static Event queued(Instant at, TargetId target, String key) {
        return Event.builder(EventKind.NOTIFICATION_QUEUED).at(at).observer(N1).target(target).message("queued")
                .attribute("incident", key).attribute("channel", "ops").build();
    }

    static Event probeFailed(Instant at, TargetId target) {
        return Event.builder(EventKind.PROBE_FAILED).at(at).observer(N1).target(target).message("HTTP 503")
                .attribute("reason", "HTTP 503 from http://10.0.0.3:8080/health").build();
    }

    static EngineView view(NodeId self, List<NodeId> watching, EngineView.TargetView... targets) {
        return new EngineView(self, Status.UP, "", watching, List.of(targets));
    }

    static EngineView.TargetView seen(TargetId target, Status status, Instant since) {
        return new EngineView.TargetView(target, status, since, "ok", false, null, false);
    }
}
