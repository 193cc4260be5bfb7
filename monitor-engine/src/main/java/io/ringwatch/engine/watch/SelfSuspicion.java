package io.ringwatch.engine.watch;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.schedule.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * Whether this observer distrusts its own view, and why. While it does, it raises no DOWN from
 * what it sees and tells its own watchers it is {@link Status#DEGRADED}; if the suspicion lasts,
 * people get one notice. Guarded by the watcher's lock.
 */
final class SelfSuspicion {
    private final NodeId self;
    private final EventRecorder events;
    private final Timer timer;
    private final Duration noticeAfter;
    private final BiConsumer<String, Instant> notice;
    private String reason;
    private Instant since;
    private Cancellable pendingNotice = Cancellable.NONE;

    /** @param notice sends a notice: its text and when the suspicion began */
    SelfSuspicion(NodeId self, EventRecorder events, Timer timer, Duration noticeAfter, BiConsumer<String, Instant> notice) {
        this.self = self;
        this.events = events;
        this.timer = timer;
        this.noticeAfter = noticeAfter;
        this.notice = notice;
    }

    boolean isSuspect() {
        return reason != null;
    }

    /** {@link Status#UP}, or {@link Status#DEGRADED} while suspect. */
    Status health() {
        return reason == null ? Status.UP : Status.DEGRADED;
    }

    /** Why this observer distrusts itself, or an empty string. */
    String reason() {
        return reason == null ? "" : reason;
    }

    /** Records the outcome of a cycle: a reason to distrust this observer, or null for none. */
    void update(String why) {
        if (why == null) {
            if (reason != null) {
                events.record(events.event(EventKind.SELF_TRUSTED).target(TargetId.node(self)).status(Status.UP)
                        .previous(Status.DEGRADED)
                        .message(self + " trusts its own view again after " + elapsed()));
                reason = null;
                since = null;
                pendingNotice.cancel();
            }
            return;
        }
        if (reason == null) {
            since = timer.now();
            events.record(events.event(EventKind.SELF_SUSPECTED).target(TargetId.node(self)).status(Status.DEGRADED)
                    .previous(Status.UP).severity(Severity.WARNING)
                    .message(self + " distrusts its own view: " + why + "; it raises no DOWN meanwhile")
                    .attribute("reason", why));
            pendingNotice = timer.after(noticeAfter, this::noticeIfStillSuspect);
        }
        reason = why;
    }

    private String elapsed() {
        return Durations.human(Duration.ofSeconds(Duration.between(since, timer.now()).toSeconds()));
    }

    private void noticeIfStillSuspect() {
        if (reason != null) {
            notice.accept(self + " has distrusted its own view for " + elapsed() + " (" + reason + "): either " + self
                    + " is cut off or its partners are all down", since);
        }
    }
}
