package io.ringwatch.engine.watch;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Probe;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MaintenanceWindow;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.delivery.Dispatcher;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.peer.Transport;
import io.ringwatch.engine.ring.Ring;
import io.ringwatch.engine.schedule.Cancellable;
import io.ringwatch.engine.schedule.Scheduler;
import io.ringwatch.engine.state.FlapDetector;
import io.ringwatch.engine.state.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One node watching its partners: runs the check cycle, debounces and confirms what it sees,
 * keeps its part of the ring healed, and answers its peers' questions. All state is guarded by
 * this object's lock; checks and questions never block while holding it. Thread-safe.
 */
public final class Watcher {
    private final NodeId self;
    private final Map<NodeId, Member> members;
    private final Ring ring;
    private final MonitorConfig config;
    private final Timer timer;
    private final EventRecorder events;
    private final Probe controlTarget;
    private final RandomGenerator random;
    private final Checks checks;
    private final Confirmation confirmation;
    private final SelfSuspicion suspicion;
    private final Maintenance maintenance;
    private final Alerts alerts;

    private final Map<TargetId, TargetRecord> records = new LinkedHashMap<>();
    private final Map<NodeId, TargetId> nodeTargets = new HashMap<>();
    private List<NodeId> watched = List.of();
    private Instant stallEndedAt;
    private String lateBy;
    private Instant anchor;
    private long cycle;
    private Cancellable nextCycle = Cancellable.NONE;
    private CycleRun running;
    private boolean started;
    private boolean stopped;

    /**
     * @param controlTarget a check that must pass for this observer to trust itself, or null
     */
    public Watcher(NodeId self, List<Member> members, Ring ring, MonitorConfig config, Transport transport,
            Scheduler scheduler, Clock clock, EventRecorder events, Dispatcher dispatcher, Probe controlTarget,
            RandomGenerator random) {
        this.self = self;
        this.members = members.stream().collect(Collectors.toMap(Member::id, member -> member, (a, b) -> a, LinkedHashMap::new));
        this.ring = ring;
        this.config = config;
        this.events = events;
        this.controlTarget = controlTarget;
        this.random = random;
        this.timer = new Timer(scheduler, clock, config.lateCycleThreshold(), this);
        this.timer.onStall(this::stalled);
        this.checks = new Checks(this.members, transport, timer, config.timeout());
        this.confirmation = new Confirmation(this.members, transport, timer, config.peerTimeout());
        this.maintenance = new Maintenance(timer, events, this::maintenanceEnded);
        Handoff handoff = new Handoff(self, ring, this::isDown, this.members, transport, timer, config, this);
        this.alerts = new Alerts(self, config, timer, events, dispatcher, handoff, maintenance);
        handoff.sendWith(alerts);
        this.suspicion = new SelfSuspicion(self, events, timer, config.selfSuspicionNoticeAfter(),
                text -> alerts.selfNotice(text, timer.now()));
        this.members.keySet().forEach(node -> nodeTargets.put(node, TargetId.node(node)));
    }

    /** Starts watching: the first cycle runs at a random point within one interval. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        anchor = timer.now().plus(fraction(config.interval(), random.nextDouble()));
        refreshWatchList();
        nextCycle = timer.at(anchor, this::runCycle);
    }

    /** Stops every check and timer. Idempotent. */
    public synchronized void stop() {
        stopped = true;
        nextCycle.cancel();
        records.values().forEach(TargetRecord::cancelAll);
    }

    /** Adds a maintenance window. */
    public synchronized void addMaintenance(MaintenanceWindow window) {
        maintenance.add(window);
    }

    /**
     * Records that someone acknowledged the target's incident here.
     *
     * @return whether this observer had an open incident for the target
     */
    public synchronized boolean acknowledge(TargetId target, String by, String note) {
        TargetRecord record = records.get(target);
        return record != null && alerts.acknowledge(record, by, note);
    }

    /** The nodes that watch {@code target} in this observer's view, nearest first, without this one. */
    public synchronized List<NodeId> otherWatchersOf(TargetId target) {
        List<NodeId> watchers = new ArrayList<>(ring.watchersOf(target.node(), this::isDown));
        watchers.remove(self);
        return watchers;
    }

    /** Answers a peer's question. */
    public CompletionStage<PeerAnswer> answer(PeerQuestion question) {
        if (question instanceof PeerQuestion.CheckTarget check) {
            return checks.check(check.target()).thenApply(result -> {
                synchronized (this) {
                    return new PeerAnswer.Checked(result, report(check.target()));
                }
            });
        }
        synchronized (this) {
            PeerAnswer answer;
            if (question instanceof PeerQuestion.Liveness) {
                answer = new PeerAnswer.Alive(suspicion.health(), suspicion.reason());
            } else if (question instanceof PeerQuestion.ReportOn report) {
                answer = new PeerAnswer.Reported(report(report.target()));
            } else {
                PeerQuestion.Acknowledge ack = (PeerQuestion.Acknowledge) question;
                answer = new PeerAnswer.Noted(acknowledge(ack.target(), ack.by(), ack.note()));
            }
            return CompletableFuture.completedFuture(answer);
        }
    }

    /** What this observer sees now. */
    public synchronized EngineView view() {
        List<EngineView.TargetView> targets = new ArrayList<>();
        for (TargetRecord record : records.values()) {
            Incident incident = record.incident;
            targets.add(new EngineView.TargetView(record.target, record.status(), record.since(), record.lastReason,
                    record.flaps.isFlapping(), incident != null ? incident.key : null,
                    incident != null && incident.acknowledged));
        }
        return new EngineView(self, suspicion.health(), suspicion.reason(), List.copyOf(watched), targets);
    }

    // ---- the cycle ------------------------------------------------------------------------

    private void runCycle() {
        if (stopped) {
            return;
        }
        scheduleNextCycle();
        if (running != null && !running.isComplete()) {
            return; // the previous cycle is still waiting for answers: skip this turn rather than pile up
        }
        List<NodeId> partners = List.copyOf(watched);
        CycleRun run = new CycleRun(partners.size() + (controlTarget != null ? 1 : 0), lateBy);
        lateBy = null;
        running = run;
        if (partners.isEmpty() && controlTarget == null) {
            finish(run);
            return;
        }
        if (controlTarget != null) {
            checks.probe(controlTarget).thenAccept(result -> {
                synchronized (this) {
                    if (run.addControl(result)) {
                        finish(run);
                    }
                }
            });
        }
        for (NodeId partner : partners) {
            Instant startedAt = timer.now();
            Status believed = record(nodeTargets.get(partner)).status();
            checks.node(members.get(partner)).thenAccept(result -> {
                synchronized (this) {
                    if (run.add(new CycleRun.Result(partner, result, startedAt, believed))) {
                        finish(run);
                    }
                }
            });
        }
    }

    private void finish(CycleRun run) {
        if (stopped) {
            return;
        }
        String why = run.suspicion();
        suspicion.update(why);
        List<NodeId> reachable = new ArrayList<>();
        for (CycleRun.Result result : run.results()) {
            if (why == null || result.result().status() == Status.UP) {
                observe(nodeTargets.get(result.partner()), result.result(), result.startedAt());
            }
            if (result.result().status() != Status.DOWN) {
                reachable.add(result.partner());
            }
        }
        reachable.forEach(this::checkServices);
    }

    private void scheduleNextCycle() {
        Instant now = timer.now();
        long next = Math.max(cycle + 1, Duration.between(anchor, now).toNanos() / config.interval().toNanos() + 1);
        cycle = next;
        Instant due = anchor.plus(config.interval().multipliedBy(next))
                .plus(fraction(config.interval(), config.jitter() * random.nextDouble()));
        nextCycle = timer.at(due, this::runCycle);
    }

    private void checkServices(NodeId node) {
        Member member = members.get(node);
        if (member == null || isDown(node)) {
            return;
        }
        for (ServiceSpec service : member.services()) {
            TargetId target = TargetId.service(node, service.id());
            TargetRecord record = records.get(target);
            if (record == null || record.retry != null || record.confirming) {
                continue;
            }
            Instant startedAt = timer.now();
            checks.service(service).thenAccept(result -> {
                synchronized (this) {
                    observe(target, result, startedAt);
                }
            });
        }
    }

    private void retry(TargetId target) {
        TargetRecord record = records.get(target);
        if (record == null || stopped) {
            return;
        }
        record.retry = null;
        if (!target.isNode() && isDown(target.node())) {
            return;
        }
        Instant startedAt = timer.now();
        checks.check(target).thenAccept(result -> {
            synchronized (this) {
                observe(target, result, startedAt);
            }
        });
    }

    // ---- what one observation does ---------------------------------------------------------

    private void observe(TargetId target, ProbeResult result, Instant startedAt) {
        TargetRecord record = records.get(target);
        if (record == null || stopped) {
            return;
        }
        Status seen = result.status();
        if (seen != Status.UP && (suspicion.isSuspect() || stallEndedAt != null && startedAt.isBefore(stallEndedAt))) {
            return; // this observer may be the one at fault: its failures do not count
        }
        Instant now = timer.now();
        record.lastReason = result.reason();
        if (seen == Status.DOWN) {
            events.record(events.event(EventKind.PROBE_FAILED).target(target).status(seen)
                    .severity(Severity.WARNING)
                    .message("Check of " + target.describe() + " failed: " + result.reason())
                    .attribute("reason", result.reason()).attribute("latencyMs", result.latency().toMillis()));
        } else {
            record.lastAnsweredAt = now;
            if (seen == Status.DEGRADED) {
                events.record(events.event(EventKind.PROBE_FAILED).target(target).status(seen)
                        .severity(Severity.WARNING)
                        .message("Check of " + target.describe() + " answered badly: " + result.reason())
                        .attribute("reason", result.reason()).attribute("latencyMs", result.latency().toMillis()));
            }
        }
        FlapDetector.Change flapping = record.flaps.record(seen);
        if (flapping == FlapDetector.Change.STARTED) {
            alerts.onFlappingStarted(record);
        } else if (flapping == FlapDetector.Change.STOPPED) {
            alerts.onFlappingStopped(record);
        }
        if (record.confirming) {
            return;
        }
        if (!target.isNode() && isDown(target.node())) {
            record.debouncer.reset();
            return;
        }
        if (record.debouncer.observe(seen, now, record.status())) {
            record.cancelRetry();
            Instant since = record.debouncer.streakStart();
            if (seen.isProblem() && config.confirmWithPeers()) {
                confirm(record, result, since);
            } else {
                transition(record, seen, since, result, List.of());
            }
        } else if (record.debouncer.isPending()) {
            if (record.retry == null) {
                record.retry = timer.after(config.retryInterval(), () -> retry(target));
            }
        } else {
            record.cancelRetry();
            if (seen == Status.UP) {
                record.disputes = 0;
            }
        }
    }

    private void confirm(TargetRecord record, ProbeResult own, Instant since) {
        record.confirming = true;
        confirmation.run(record.target, own, witnessesFor(record.target)).thenAccept(outcome -> {
            synchronized (this) {
                record.confirming = false;
                if (stopped || records.get(record.target) != record) {
                    return;
                }
                switch (outcome.verdict()) {
                    case CONFIRMED, ALONE -> transition(record, own.status(), since, own, outcome.reports());
                    case DISPUTED -> disputed(record, own, outcome);
                    case UNANSWERED -> {
                        if (answeredSince(record.target, since)) {
                            transition(record, own.status(), since, own, outcome.reports());
                        } else {
                            record.debouncer.reset(); // cut off from everyone? let the next cycle tell
                        }
                    }
                }
            }
        });
    }

    private void disputed(TargetRecord record, ProbeResult own, Confirmation.Outcome outcome) {
        record.debouncer.reset();
        record.disputes++;
        events.record(events.event(EventKind.CHECK_DISPUTED).target(record.target).status(own.status())
                .message(self + " sees " + record.target.describe(own.status().name()) + " (" + own.reason() + ") but "
                        + outcome.witness() + " sees it " + outcome.theirs().status() + " (" + outcome.theirs().reason()
                        + "): probably " + self + "'s own path; not alerted")
                .attribute("witness", outcome.witness()).attribute("reason", own.reason())
                .attribute("theirs", outcome.theirs().reason()));
        if (record.disputes == config.disputesBeforeNotice()) {
            alerts.pathNotice(record, outcome.witness(), own, outcome.theirs());
        }
    }

    private void transition(TargetRecord record, Status to, Instant since, ProbeResult result, List<TargetReport> reports) {
        Transition transition = record.moveTo(to, since);
        record.cancelRetry();
        events.record(events.event(EventKind.STATE_CHANGED).target(record.target).status(to)
                .previous(transition.from())
                .severity(to == Status.UP ? Severity.INFORMATION : to.severity())
                .message(record.target.describe(to.name()) + " (was " + transition.from() + "; seen by " + self + ": "
                        + result.reason() + ")")
                .attribute("reason", result.reason()).attribute("since", since));
        if (record.target.isNode()) {
            if (to == Status.DOWN) {
                servicesOf(record.target.node()).forEach(service -> {
                    service.cancelRetry();
                    service.debouncer.reset();
                });
            }
            refreshWatchList();
        }
        alerts.onTransition(record, transition, result, reports);
    }

    // ---- the ring ---------------------------------------------------------------------------

    private boolean isDown(NodeId node) {
        TargetRecord record = records.get(nodeTargets.get(node));
        return record != null && record.isDown();
    }

    private void refreshWatchList() {
        Set<NodeId> keep = new LinkedHashSet<>(ring.watchList(self, this::isDown));
        for (NodeId node : watched) {
            if (isDown(node)) {
                keep.add(node); // keep probing what was found down, to see it recover
            }
        }
        List<NodeId> next = ring.members().stream().filter(keep::contains).toList();
        if (next.equals(watched)) {
            return;
        }
        for (NodeId node : watched) {
            if (!keep.contains(node)) {
                forget(node);
            }
        }
        for (NodeId node : next) {
            if (!watched.contains(node)) {
                record(nodeTargets.get(node));
                members.get(node).services().forEach(service -> record(TargetId.service(node, service.id())));
            }
        }
        watched = next;
        events.record(events.event(EventKind.WATCH_CHANGED)
                .message(self + " watches " + next.stream().map(node -> isDown(node) ? node + " (down)" : node.value())
                        .collect(Collectors.joining(", ")))
                .attribute("watching", next.stream().map(NodeId::value).collect(Collectors.joining(","))));
    }

    private void forget(NodeId node) {
        records.values().removeIf(record -> {
            if (record.target.node().equals(node)) {
                record.cancelAll();
                return true;
            }
            return false;
        });
    }

    private TargetRecord record(TargetId target) {
        return records.computeIfAbsent(target, key -> new TargetRecord(key, config));
    }

    private List<TargetRecord> servicesOf(NodeId node) {
        return records.values().stream().filter(record -> !record.target.isNode() && record.target.node().equals(node))
                .toList();
    }

    /** The target's other watchers; with none (K = 1), the nearest other live node, for a second opinion. */
    private List<NodeId> witnessesFor(TargetId target) {
        List<NodeId> witnesses = new ArrayList<>(ring.watchersOf(target.node(), this::isDown));
        witnesses.remove(self);
        witnesses.remove(target.node());
        if (witnesses.isEmpty()) {
            for (NodeId node : ring.watchList(self, this::isDown)) {
                if (!node.equals(target.node()) && !isDown(node)) {
                    return List.of(node);
                }
            }
        }
        return witnesses;
    }

    /** Whether any other node answered this observer since {@code since}: proof that it is not cut off. */
    private boolean answeredSince(TargetId target, Instant since) {
        return records.values().stream().anyMatch(record -> record.target.isNode()
                && !record.target.node().equals(target.node())
                && record.lastAnsweredAt != null && !record.lastAnsweredAt.isBefore(since));
    }

    private TargetReport report(TargetId target) {
        TargetRecord record = records.get(target);
        return record != null ? record.report(suspicion.isSuspect()) : TargetReport.unknown(target, suspicion.isSuspect());
    }

    // ---- the observer itself ----------------------------------------------------------------

    private void stalled(Instant now, Duration lateness) {
        stallEndedAt = now;
        lateBy = "it ran " + lateness.toMillis() + " ms late (was this node paused?)";
    }

    private void maintenanceEnded(MaintenanceWindow window) {
        for (TargetRecord record : List.copyOf(records.values())) {
            if (window.covers(record.target, window.start())) {
                alerts.maintenanceEnded(record);
            }
        }
    }

    private static Duration fraction(Duration duration, double share) {
        return Duration.ofNanos((long) (duration.toNanos() * share));
    }
}
