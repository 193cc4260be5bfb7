package io.ringwatch.engine.watch;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MaintenanceWindow;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.delivery.Dispatcher;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.routing.Mute;
import io.ringwatch.engine.routing.Router;
import io.ringwatch.engine.routing.RoutingChange;
import io.ringwatch.engine.state.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns confirmed changes into notifications: opens and closes incidents, holds notifications
 * back during maintenance and flapping, leaves the choice of sender to the {@link Handoff}, and
 * reminds and escalates until someone acknowledges. Guarded by the watcher's lock.
 */
final class Alerts implements Handoff.Sender {
    private final NodeId self;
    private final MonitorConfig config;
    private final Timer timer;
    private final EventRecorder events;
    private final Dispatcher dispatcher;
    private final Handoff handoff;
    private final Maintenance maintenance;
    private final Predicate<NodeId> nodeDown;

    /** Alerts of the node's earlier run still open, by target, until each target is first seen again. */
    private final Map<TargetId, EarlierAlerts.Open> earlier = new HashMap<>();

    Alerts(NodeId self, MonitorConfig config, Timer timer, EventRecorder events, Dispatcher dispatcher, Handoff handoff,
            Maintenance maintenance, Predicate<NodeId> nodeDown) {
        this.nodeDown = nodeDown;
        this.self = self;
        this.config = config;
        this.timer = timer;
        this.events = events;
        this.dispatcher = dispatcher;
        this.handoff = handoff;
        this.maintenance = maintenance;
    }

    /** The alerts an earlier run of this node left open: it goes on with them. Called before the first cycle. */
    void restore(Map<TargetId, EarlierAlerts.Open> open) {
        earlier.putAll(open);
    }

    /** A confirmed change of {@code record}; {@code reports} are what the witnesses knew of it. */
    void onTransition(TargetRecord record, Transition transition, ProbeResult result, List<TargetReport> reports) {
        EarlierAlerts.Open before = earlier.remove(record.target);
        if (transition.isProblem()) {
            if (before != null && record.incident == null && EarlierAlerts.sameTrouble(before, transition.to())) {
                goOnWith(record, before);
                return;
            }
            troubleConfirmed(record, transition.to(), result, reports);
        } else if (transition.isRecovery()) {
            recoveryConfirmed(record, result);
        } else if (before != null && transition.to() == Status.UP && record.incident == null) {
            // It recovered while this node was down: the alert it sent then still needs its recovery.
            record.incident = restored(record, before);
            recoveryConfirmed(record, result);
        }
    }

    /** The trouble this node alerted of before it restarted goes on: same incident, no second alert. */
    private void goOnWith(TargetRecord record, EarlierAlerts.Open before) {
        Incident incident = restored(record, before);
        record.incident = incident;
        record.lastNotified = before.notified();
        suppressed(record, incident.key, NotificationKind.ALERT, before.notified().status(),
                "alerted before " + self + " restarted");
        if (incident.acknowledged) {
            tellOfAcknowledgement(record, incident);
        } else {
            armReminders(record, incident);
        }
    }

    private static Incident restored(TargetRecord record, EarlierAlerts.Open before) {
        Incident incident = new Incident(record.target, before.alertedAt());
        incident.adopt(before.notified());
        incident.alertedAt = before.alertedAt();
        incident.escalations = before.escalations();
        before.acknowledgement().ifPresent(acknowledgement -> {
            incident.acknowledged = true;
            incident.acknowledgement = acknowledgement;
        });
        incident.acknowledgementSent = before.acknowledgementSent();
        return incident;
    }

    private void troubleConfirmed(TargetRecord record, Status status, ProbeResult result, List<TargetReport> reports) {
        if (record.incident == null) {
            record.incident = new Incident(record.target, record.since());
        }
        Incident incident = record.incident;
        Optional<TargetReport.Notified> known = reports.stream().flatMap(report -> report.lastNotified().stream())
                .filter(notified -> !notified.by().equals(self)) // what this node sent, it knows itself
                .filter(notified -> Handoff.announces(notified, NotificationKind.ALERT, status)).findFirst();
        if (known.isPresent()) {
            incident.adopt(known.get());
            suppressed(record, incident.key, NotificationKind.ALERT, status, known.get().by() + " already notified");
            return;
        }
        if (heldBack(record, incident, NotificationKind.ALERT, status)) {
            return;
        }
        if (incident.owner == null) {
            handoff.alert(record, NotificationKind.ALERT, result.reason());
        } else if (incident.owner.equals(self)) {
            send(record, incident, NotificationKind.ALERT, status, result.reason());
        }
    }

    private void recoveryConfirmed(TargetRecord record, ProbeResult result) {
        Incident incident = record.incident;
        if (incident == null) {
            return;
        }
        if (record.flaps.isFlapping()) {
            suppressed(record, incident.key, NotificationKind.RECOVERY, Status.UP, "flapping");
            return;
        }
        record.incident = null;
        incident.cancelTimers();
        endMutesWithAReason(record);
        Optional<MaintenanceWindow> window = maintenance.covering(record.target);
        if (window.isPresent()) {
            suppressed(record, incident.key, NotificationKind.RECOVERY, Status.UP, "maintenance: " + window.get().reason());
            return;
        }
        handoff.recovery(record, incident, result.reason());
    }

    /** The target recovered: mutes made for a reason about it are over, and its recovery reaches those people too. */
    private void endMutesWithAReason(TargetRecord record) {
        for (Mute ended : dispatcher.routing().endMutesWithAReason(record.target)) {
            var event = events.event(EventKind.ROUTING_CHANGED).target(record.target)
                    .message(ended.contact() + "'s mute of " + ended.targets() + " (" + ended.reason() + ") ended: "
                            + record.target.describe("UP") + " again")
                    .attribute("ended-by", "recovery");
            new RoutingChange.Unmute(ended.contact(), ended.targets(), self.value()).attributes().forEach(event::attribute);
            events.record(event);
        }
    }

    /** {@code record} started flapping: one notice, then quiet until it settles. */
    void onFlappingStarted(TargetRecord record) {
        String share = Math.round(record.flaps.changeShare() * 100) + "%";
        events.record(events.event(EventKind.FLAPPING_STARTED).target(record.target).status(record.status())
                .severity(Severity.WARNING)
                .message(record.target.describe("FLAPPING") + " (" + share + " of recent checks changed; seen by " + self + ")")
                .attribute("share", share));
        if (record.incident == null) {
            record.incident = new Incident(record.target, timer.now());
        }
        if (!heldBack(record, record.incident, NotificationKind.FLAPPING, record.status())) {
            handoff.alert(record, NotificationKind.FLAPPING, "its state changed in " + share + " of the last checks");
        }
    }

    /** {@code record} settled: an alert if it settled in trouble, a recovery if it settled up. */
    void onFlappingStopped(TargetRecord record) {
        events.record(events.event(EventKind.FLAPPING_STOPPED).target(record.target).status(record.status())
                .message(record.target.describe(record.status().name()) + " is stable again (seen by " + self + ")"));
        Incident incident = record.incident;
        if (incident == null) {
            return;
        }
        if (record.status().isProblem()) {
            incident.held = false;
            if (!heldBack(record, incident, NotificationKind.ALERT, record.status())) {
                handoff.alert(record, NotificationKind.ALERT, "stable again, " + record.lastReason);
            }
        } else {
            record.incident = null;
            incident.cancelTimers();
            handoff.recovery(record, incident, "stable again, " + record.lastReason);
        }
    }

    /** A maintenance window closed: alerts held back for targets still in trouble go out now. */
    void maintenanceEnded(TargetRecord record) {
        Incident incident = record.incident;
        if (incident != null && incident.held && record.status().isProblem() && !record.flaps.isFlapping()) {
            incident.held = false;
            if (!heldBack(record, incident, NotificationKind.ALERT, record.status())) {
                handoff.alert(record, NotificationKind.ALERT, "still " + record.status() + " after maintenance: " + record.lastReason);
            }
        }
    }

    /**
     * The node that sent {@code record}'s alert is down: this watcher, now the nearest, takes the
     * incident over, reminding and escalating from here on. The incident keeps its key.
     */
    void takeOver(TargetRecord record) {
        Incident incident = record.incident;
        if (incident == null || incident.owner == null || incident.owner.equals(self) || !record.status().isProblem()) {
            return;
        }
        incident.owner = self;
        if (incident.acknowledged) {
            tellOfAcknowledgement(record, incident); // if the owner went down before it could
        } else {
            armReminders(record, incident);
        }
    }

    /** Someone acknowledged {@code record}'s incident: no more reminders or escalation. */
    boolean acknowledge(TargetRecord record, String by, String note) {
        Incident incident = record.incident;
        if (incident == null) {
            return false;
        }
        if (!incident.acknowledged) {
            incident.acknowledged = true;
            incident.cancelReminders();
            events.record(events.event(EventKind.ACKNOWLEDGED).target(record.target).status(record.status())
                    .message(by + " acknowledged " + record.target.describe(record.status().name())
                            + (note.isBlank() ? "" : ": " + note))
                    .attribute("by", by).attribute("note", note.isBlank() ? null : note)
                    .attribute("incident", incident.key));
            incident.acknowledgement = "acknowledged by " + by + (note.isBlank() ? "" : ": " + note);
            if (self.equals(incident.owner)) {
                tellOfAcknowledgement(record, incident);
            }
        }
        return true;
    }

    /**
     * Whoever heard of the incident hears that someone has it, and incident tools mark it
     * acknowledged: sent once, by the node that owns the incident.
     */
    private void tellOfAcknowledgement(TargetRecord record, Incident incident) {
        if (incident.acknowledgementSent || incident.acknowledgement == null || !record.status().isProblem()) {
            return;
        }
        incident.acknowledgementSent = true;
        Instant now = timer.now();
        deliver(Notification.builder().incidentKey(incident.key).kind(NotificationKind.ACKNOWLEDGED)
                .target(record.target).previous(record.status()).current(record.status()).observer(self)
                .since(record.since() != null ? record.since() : now).at(now)
                .reason(incident.acknowledgement).build(), incident.escalations, incident.escalatedTo);
    }

    /** This observer's checks keep being disputed: tell people its own path looks bad. */
    void pathNotice(TargetRecord record, NodeId witness, ProbeResult own, ProbeResult theirs) {
        notice(record.target, "path:" + self + "->" + record.target + "@" + timer.now(), Severity.INFORMATION,
                self + " keeps failing to check " + record.target.describe() + " (" + own.reason() + ") while " + witness
                        + " checks it fine (" + theirs.reason() + "): the path from " + self + " looks bad");
    }

    /** A notice about this observer itself, sent by it alone. */
    void selfNotice(String text, Instant since) {
        notice(TargetId.node(self), "self:" + self + "@" + since, Severity.WARNING, text);
    }

    private void notice(TargetId about, String key, Severity severity, String text) {
        Instant now = timer.now();
        deliver(Notification.builder().incidentKey(key).kind(NotificationKind.NOTICE).target(about)
                .previous(Status.UNKNOWN).current(Status.DEGRADED).severity(severity).observer(self).since(now).at(now)
                .reason(text).build(), 0, Set.of());
    }

    @Override
    public void send(TargetRecord record, Incident incident, NotificationKind kind, Status status, String reason) {
        int reached = incident.escalations;
        if (kind == NotificationKind.RECOVERY && record.previous() == Status.DOWN) {
            reached = Math.max(reached, stepsDue(record, incident)); // steps another node, or an earlier run, may have taken
        }
        send(record, incident, kind, status, reason, kind == NotificationKind.ESCALATION ? 0 : reached);
    }

    /** @param escalationStep see {@link Dispatcher#dispatch(Notification, int)} */
    private void send(TargetRecord record, Incident incident, NotificationKind kind, Status status, String reason,
            int escalationStep) {
        Instant now = timer.now();
        Severity severity = switch (kind) {
            case RECOVERY -> Severity.INFORMATION;
            case FLAPPING -> Severity.WARNING;
            default -> status.severity();
        };
        Status previous = kind == NotificationKind.ALERT || kind == NotificationKind.RECOVERY ? record.previous() : status;
        List<Router.Route> routes = deliver(Notification.builder().incidentKey(incident.key).kind(kind).target(record.target)
                .previous(previous).current(status).severity(severity).observer(self)
                .since(record.since() != null ? record.since() : now).at(now).reason(reason).build(), escalationStep,
                kind == NotificationKind.RECOVERY ? incident.escalatedTo : Set.of());
        if (kind == NotificationKind.ESCALATION) {
            routes.stream().filter(route -> route.recipient().isPresent()).forEach(incident.escalatedTo::add);
        }
        TargetReport.Notified mark = new TargetReport.Notified(incident.key, kind, status, self);
        incident.lastNotified = mark;
        record.lastNotified = mark;
        if (kind == NotificationKind.ALERT || kind == NotificationKind.FLAPPING) {
            incident.owner = self;
        }
        if (kind == NotificationKind.ALERT && status.isProblem() && !incident.acknowledged) {
            incident.alertedAt = now;
            armReminders(record, incident);
        }
    }

    /**
     * Reminders every repeat interval from now; for a DOWN, the escalation's next step at its
     * time after the alert. Of the steps already due that this node did not run (it took the
     * incident over, or restarted), only the last goes out, now: the ones before it were run by
     * the node it took over from, or are overtaken by it, and nobody is paged twice at once.
     */
    private void armReminders(TargetRecord record, Incident incident) {
        incident.cancelReminders();
        incident.reminder = timer.after(config.repeatInterval(), () -> remind(record, incident));
        if (record.status() == Status.DOWN) {
            List<Duration> delays = escalationDelays();
            Instant alerted = incident.alertedAt != null ? incident.alertedAt : record.since();
            int next = incident.escalations + 1;
            while (next < delays.size() && !alerted.plus(delays.get(next)).isAfter(timer.now())) {
                next++;
            }
            armEscalation(record, incident, next);
        }
    }

    /** Schedules step {@code step} (1 for the first) of the escalation, if the policy has it. */
    private void armEscalation(TargetRecord record, Incident incident, int step) {
        List<Duration> delays = escalationDelays();
        if (step > delays.size()) {
            return;
        }
        Instant alerted = incident.alertedAt != null ? incident.alertedAt : record.since();
        incident.escalation = timer.at(alerted.plus(delays.get(step - 1)), () -> escalate(record, incident, step));
    }

    /** How many escalation steps were due by now, counting from the alert. */
    private int stepsDue(TargetRecord record, Incident incident) {
        Instant alerted = incident.alertedAt != null ? incident.alertedAt : record.since();
        if (alerted == null) {
            return 0;
        }
        return (int) escalationDelays().stream().filter(delay -> !alerted.plus(delay).isAfter(timer.now())).count();
    }

    private List<Duration> escalationDelays() {
        return dispatcher.routing().escalationDelays(config.escalationDelay());
    }

    @Override
    public void suppressed(TargetRecord record, String incidentKey, NotificationKind kind, Status status, String why) {
        events.record(events.event(EventKind.NOTIFICATION_SUPPRESSED).target(record.target).status(status)
                .message("Not sent: " + kind.name().toLowerCase(Locale.ROOT) + " for "
                        + record.target.describe(status.name()) + ": " + why)
                .attribute("notification", kind).attribute("incident", incidentKey).attribute("why", why));
    }

    private boolean heldBack(TargetRecord record, Incident incident, NotificationKind kind, Status status) {
        if (kind != NotificationKind.FLAPPING && record.flaps.isFlapping()) {
            incident.held = true;
            suppressed(record, incident.key, kind, status, "flapping");
            return true;
        }
        Optional<MaintenanceWindow> window = maintenance.covering(record.target);
        if (window.isPresent()) {
            incident.held = true;
            suppressed(record, incident.key, kind, status, "maintenance: " + window.get().reason());
            return true;
        }
        return false;
    }

    private boolean stillOwnedAndUnacknowledged(TargetRecord record, Incident incident) {
        return record.incident == incident && !incident.acknowledged && self.equals(incident.owner)
                && record.status().isProblem();
    }

    private void remind(TargetRecord record, Incident incident) {
        if (!stillOwnedAndUnacknowledged(record, incident)) {
            return;
        }
        incident.reminder = timer.after(config.repeatInterval(), () -> remind(record, incident));
        if (maintenance.covering(record.target).isEmpty() && !record.flaps.isFlapping() && !record.debouncer.isRecovering()
                && !coveredByItsNodeBeingDown(record)) {
            send(record, incident, NotificationKind.REMINDER, record.status(), record.lastReason);
        }
    }

    private void escalate(TargetRecord record, Incident incident, int step) {
        if (!stillOwnedAndUnacknowledged(record, incident) || record.status() != Status.DOWN
                || coveredByItsNodeBeingDown(record)) {
            return;
        }
        Optional<MaintenanceWindow> window = maintenance.covering(record.target);
        if (window.isPresent()) {
            incident.escalation = timer.at(window.get().end(), () -> escalate(record, incident, step));
            return;
        }
        incident.escalations = step;
        send(record, incident, NotificationKind.ESCALATION, Status.DOWN, "not acknowledged within "
                + Durations.human(escalationDelays().get(step - 1)) + ": " + record.lastReason, step);
        armEscalation(record, incident, step + 1);
    }

    /** A service of a node that is down: the node's own alert, reminders and escalation speak for it. */
    private boolean coveredByItsNodeBeingDown(TargetRecord record) {
        return record.service != null && nodeDown.test(record.target.node());
    }

    /** @return the deliveries it made */
    private List<Router.Route> deliver(Notification notification, int escalationStep, Set<Router.Route> escalatedTo) {
        if (dispatcher.hasChannels()) {
            return dispatcher.dispatch(notification, escalationStep, escalatedTo);
        } else {
            events.record(events.event(EventKind.NOTIFICATION_SUPPRESSED).target(notification.target())
                    .status(notification.current())
                    .message("Not sent (no notifier is configured): " + notification.headline())
                    .attribute("notification", notification.kind()).attribute("incident", notification.incidentKey())
                    .attribute("why", "no notifier"));
            return List.of();
        }
    }
}
