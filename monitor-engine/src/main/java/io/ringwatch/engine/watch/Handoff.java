package io.ringwatch.engine.watch;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.ring.Ring;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Decides which watcher notifies. The target's nearest live predecessor notifies at once; a
 * farther watcher waits a delay per nearer watcher, then asks them whether they notified, and
 * notifies itself only if none did (fail-open, as in Alertmanager's HA mode: a duplicate is better
 * than a missed alert). A recovery comes from whoever sent the alert; the others check that it
 * did. Guarded by the watcher's lock.
 */
final class Handoff {
    /** Sends notifications for a target's incident, or records why one was not sent. */
    interface Sender {
        void send(TargetRecord record, Incident incident, NotificationKind kind, Status status, String reason);

        void suppressed(TargetRecord record, String incidentKey, NotificationKind kind, Status status, String why);
    }

    private final NodeId self;
    private final Ring ring;
    private final Predicate<NodeId> isDown;
    private final PeerPoll poll;
    private final Timer timer;
    private final MonitorConfig config;
    private final Object lock;
    private Sender sender;

    Handoff(NodeId self, Ring ring, Predicate<NodeId> isDown, PeerPoll poll,
            Timer timer, MonitorConfig config, Object lock) {
        this.self = self;
        this.ring = ring;
        this.isDown = isDown;
        this.poll = poll;
        this.timer = timer;
        this.config = config;
        this.lock = lock;
    }

    void sendWith(Sender sender) {
        this.sender = sender;
    }

    /** An alert or a flapping notice for {@code record}'s open incident: sent now, or after nearer watchers had their turn. */
    void alert(TargetRecord record, NotificationKind kind, String reason) {
        Incident incident = record.incident;
        Status status = record.status();
        List<NodeId> nearer = ring.liveBetween(self, record.target.node(), isDown);
        if (nearer.isEmpty()) {
            sender.send(record, incident, kind, status, reason);
            return;
        }
        Instant started = timer.now();
        incident.handoff = timer.after(config.handoffDelay().multipliedBy(nearer.size()),
                () -> askNearer(record, incident, kind, status, reason, started));
    }

    /** A recovery of {@code closed}: sent now if this node sent the alert, else after the sender had its turn. */
    void recovery(TargetRecord record, Incident closed, String reason) {
        if (closed.owner == null) {
            return;
        }
        if (closed.owner.equals(self)) {
            sender.send(record, closed, NotificationKind.RECOVERY, Status.UP, reason);
            return;
        }
        Instant started = timer.now();
        closed.handoff = timer.after(config.handoffDelay(), () -> askOwner(record, closed, reason, started));
    }

    private void askNearer(TargetRecord record, Incident incident, NotificationKind kind, Status status, String reason,
            Instant started) {
        if (changedMeanwhile(record, incident, kind, status)) {
            return;
        }
        List<NodeId> nearer = ring.liveBetween(self, record.target.node(), isDown);
        if (nearer.isEmpty()) {
            sender.send(record, incident, kind, status, reason);
            return;
        }
        reports(record, nearer).thenAccept(reports -> {
            synchronized (lock) {
                if (changedMeanwhile(record, incident, kind, status)) {
                    return;
                }
                Optional<TargetReport.Notified> done = reports.stream()
                        .flatMap(report -> report.lastNotified().stream())
                        .filter(notified -> !notified.by().equals(self))
                        .filter(notified -> announces(notified, kind, status))
                        .findFirst();
                if (done.isPresent()) {
                    incident.adopt(done.get());
                    sender.suppressed(record, incident.key, kind, status, done.get().by() + " already notified");
                } else if (anyTrusted(reports) && patient(started)) {
                    incident.handoff = timer.after(config.handoffDelay(),
                            () -> askNearer(record, incident, kind, status, reason, started));
                } else {
                    sender.send(record, incident, kind, status, reason);
                }
            }
        });
    }

    private void askOwner(TargetRecord record, Incident closed, String reason, Instant started) {
        if (record.forgotten || record.status() != Status.UP || record.incident != null) {
            return;
        }
        reports(record, List.of(closed.owner)).thenAccept(reports -> {
            synchronized (lock) {
                if (record.forgotten || record.status() != Status.UP || record.incident != null) {
                    return;
                }
                boolean sent = reports.stream().flatMap(report -> report.lastNotified().stream())
                        .anyMatch(notified -> notified.kind() == NotificationKind.RECOVERY
                                && notified.incidentKey().equals(closed.key));
                boolean ownerStillSeesTrouble = reports.stream()
                        .anyMatch(report -> !report.selfSuspect() && (report.state().isProblem() || report.pending()));
                if (sent) {
                    sender.suppressed(record, closed.key, NotificationKind.RECOVERY, Status.UP,
                            closed.owner + " already notified");
                } else if (ownerStillSeesTrouble && patient(started)) {
                    closed.handoff = timer.after(config.handoffDelay(), () -> askOwner(record, closed, reason, started));
                } else {
                    sender.send(record, closed, NotificationKind.RECOVERY, Status.UP, reason);
                }
            }
        });
    }

    private static boolean changedMeanwhile(TargetRecord record, Incident incident, NotificationKind kind, Status status) {
        if (record.forgotten || record.incident != incident) {
            return true;
        }
        return kind == NotificationKind.FLAPPING ? !record.flaps.isFlapping() : record.status() != status;
    }

    /** Whether {@code notified} already says what this watcher would say. */
    static boolean announces(TargetReport.Notified notified, NotificationKind kind, Status status) {
        if (kind == NotificationKind.FLAPPING) {
            return notified.kind() == NotificationKind.FLAPPING;
        }
        boolean alertLike = notified.kind() == NotificationKind.ALERT || notified.kind() == NotificationKind.REMINDER
                || notified.kind() == NotificationKind.ESCALATION;
        return alertLike && notified.status() == status;
    }

    private boolean patient(Instant started) {
        return Duration.between(started, timer.now()).compareTo(config.handoffPatience()) < 0;
    }

    private static boolean anyTrusted(List<TargetReport> reports) {
        return reports.stream().anyMatch(report -> !report.selfSuspect());
    }

    /** What each of {@code nodes} knows of the record's target; nodes that do not answer are left out. */
    private CompletableFuture<List<TargetReport>> reports(TargetRecord record, List<NodeId> nodes) {
        return poll.ask(nodes, new PeerQuestion.ReportOn(record.target), PeerAnswer.Reported.class, config.peerTimeout())
                .thenApply(replies -> replies.stream().flatMap(reply -> reply.answer().stream())
                        .map(PeerAnswer.Reported::report).toList());
    }
}
