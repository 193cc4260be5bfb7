package io.ringwatch.engine.watch;

import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.schedule.Cancellable;
import io.ringwatch.engine.state.Debouncer;
import io.ringwatch.engine.state.FlapDetector;
import io.ringwatch.engine.state.Transition;
import java.time.Instant;
import java.util.List;

/**
 * What this observer knows of one target it watches. Guarded by the watcher's lock.
 */
final class TargetRecord {
    final TargetId target;
    /** The node, or the node hosting the service. */
    final Member member;
    /** The service, or null for a node. */
    final ServiceSpec service;
    /** For a node, the records of its services; empty for a service. */
    final List<TargetRecord> services;
    final Debouncer debouncer;
    final FlapDetector flaps;
    /** The observer no longer watches this target: late results about it are ignored. */
    boolean forgotten;

    private Status status = Status.UNKNOWN;
    private Status previous = Status.UNKNOWN;
    private Instant since;
    String lastReason = "";
    /** A confirmation round with other watchers is under way. */
    boolean confirming;
    /** The quick re-check, while a change is unconfirmed. */
    Cancellable retry;
    /** Confirmations in a row that another watcher disputed. */
    int disputes;
    /** The open incident, while the target is in trouble or flapping. */
    Incident incident;
    /** The last notification known to have gone out about this target, kept after its incident closes. */
    TargetReport.Notified lastNotified;

    private TargetRecord(TargetId target, Member member, ServiceSpec service, List<TargetRecord> services,
            MonitorConfig config) {
        this.target = target;
        this.member = member;
        this.service = service;
        this.services = services;
        this.debouncer = new Debouncer(config.confirmations(), config.recoveries());
        this.flaps = new FlapDetector(config.flapHigh(), config.flapLow());
    }

    /** A record for a node, with records for each of its services. */
    static TargetRecord forNode(Member member, MonitorConfig config) {
        List<TargetRecord> services = member.services().stream()
                .map(spec -> new TargetRecord(TargetId.service(member.id(), spec.id()), member, spec, List.of(), config))
                .toList();
        return new TargetRecord(TargetId.node(member.id()), member, null, services, config);
    }

    Status status() {
        return status;
    }

    /** When the confirmed status began, or null while it is unknown. */
    Instant since() {
        return since;
    }

    /** The confirmed status before the last change. */
    Status previous() {
        return previous;
    }

    /** Changes the confirmed status; the only way it changes. */
    Transition moveTo(Status to, Instant at) {
        Transition transition = new Transition(status, to);
        previous = status;
        status = to;
        since = at;
        debouncer.reset();
        return transition;
    }

    boolean isDown() {
        return status == Status.DOWN;
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }

    /** Stops everything scheduled for this target and its services, for good. */
    void forget() {
        forgotten = true;
        cancelRetry();
        if (incident != null) {
            incident.cancelTimers();
        }
        services.forEach(TargetRecord::forget);
    }

    /**
     * What this observer tells others of the target. While an incident is open: the last
     * notification of that incident. After it closed: only a recovery that went out, so that the
     * watcher waiting for it can stop waiting; an old alert must never pass for a new one.
     */
    TargetReport report(boolean selfSuspect) {
        TargetReport.Notified notified;
        if (incident != null) {
            notified = incident.lastNotified;
        } else {
            notified = lastNotified != null && lastNotified.kind() == NotificationKind.RECOVERY ? lastNotified : null;
        }
        return new TargetReport(target, status, debouncer.isPending() || confirming, selfSuspect, notified);
    }
}
