package io.ringwatch.engine.watch;

import io.ringwatch.api.Event;
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
import io.ringwatch.engine.metrics.EngineMetrics;
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
    /** How many other nodes an observer asks when every partner failed at once, to learn whether it is cut off. */
    private static final int MAX_NODES_ASKED_WHEN_ALONE = 16;
    /** How many other nodes a watcher with no fellow watchers (K = 1) asks for a second opinion. */
    private static final int FALLBACK_WITNESSES = 2;

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
    private final EngineMetrics metrics;

    /** Every target watched, by id: the watched nodes and their services. */
    private final Map<TargetId, TargetRecord> records = new LinkedHashMap<>();
    /** The watched nodes, in ring order. */
    private Map<NodeId, TargetRecord> watched = new LinkedHashMap<>();
    private Instant stallEndedAt;
    /** When another node last answered this observer at all: proof that it is not cut off. */
    private Instant lastContactAt;
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
            RandomGenerator random, EngineMetrics metrics) {
        this.self = self;
        this.metrics = metrics;
        this.members = members.stream().collect(Collectors.toMap(Member::id, member -> member, (a, b) -> a, LinkedHashMap::new));
        this.ring = ring;
        this.config = config;
        this.events = events;
        this.controlTarget = controlTarget;
        this.random = random;
        this.timer = new Timer(scheduler, clock, config.lateCycleThreshold(), this);
        this.timer.onStall(this::stalled);
        this.checks = new Checks(this.members, transport, timer, config.timeout());
        PeerPoll poll = new PeerPoll(this.members, transport, timer);
        this.confirmation = new Confirmation(poll, config.peerTimeout());
        this.maintenance = new Maintenance(timer, events, this::maintenanceEnded);
        Handoff handoff = new Handoff(self, ring, this::isDown, poll, timer, config, this);
        this.alerts = new Alerts(self, config, timer, events, dispatcher, handoff, maintenance, this::isDown);
        handoff.sendWith(alerts);
        this.suspicion = new SelfSuspicion(self, events, timer, config.selfSuspicionNoticeAfter(),
                alerts::selfNotice);
    }

    /**
     * Goes on with the incidents an earlier run of this node alerted of and never saw recover,
     * as its event log tells: no second alert for them, and their recovery when it comes. Call
     * before {@link #start()}.
     */
    public synchronized void restoreIncidents(List<Event> earlier) {
        alerts.restore(EarlierAlerts.of(earlier, self, timer.now()));
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
        timer.stop();
        nextCycle.cancel();
        watched.values().forEach(TargetRecord::forget);
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

    /** Whether this observer watches the target now (or still keeps an incident of it open). */
    public synchronized boolean watches(TargetId target) {
        return records.containsKey(target);
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
        return new EngineView(self, suspicion.health(), suspicion.reason(), List.copyOf(watched.keySet()), targets);
    }

    // ---- the cycle ------------------------------------------------------------------------

    private void runCycle() {
        if (stopped) {
            return;
        }
        scheduleNextCycle();
        if (running != null && !running.isComplete()
                && Duration.between(running.startedAt(), timer.now()).compareTo(config.interval().multipliedBy(2)) < 0) {
            return; // the previous cycle is still waiting for answers: skip this turn rather than pile up
        }
        List<TargetRecord> partners = List.copyOf(watched.values());
        CycleRun run = new CycleRun(partners.size() + (controlTarget != null ? 1 : 0), lateBy, timer.now());
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
        for (TargetRecord partner : partners) {
            Instant startedAt = timer.now();
            Status believed = partner.status();
            checks.node(partner.member).thenAccept(result -> {
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
        if (why == null && run.everyPartnerFailed()) {
            notCutOff(null).thenAccept(connected -> {
                synchronized (this) {
                    if (!stopped) {
                        apply(run, connected ? null : run.everyPartnerFailedReason());
                    }
                }
            });
            return;
        }
        apply(run, why);
    }

    /** Judges the cycle: its failures count unless {@code why} says this observer is suspect. */
    private void apply(CycleRun run, String why) {
        suspicion.update(why);
        for (CycleRun.Result result : run.results()) {
            if (why == null || result.result().status() == Status.UP) {
                observe(result.partner(), result.result(), result.startedAt());
            }
        }
        for (CycleRun.Result result : run.results()) {
            if (result.result().status() != Status.DOWN) {
                checkServices(result.partner());
            }
        }
    }

    private void scheduleNextCycle() {
        Instant now = timer.now();
        long interval = config.interval().toNanos();
        long next = Math.max(cycle + 1, Duration.between(anchor, now).toNanos() / interval + 1);
        cycle = next;
        Instant due = anchor.plusNanos(Math.multiplyExact(interval, next) + (long) (interval * config.jitter() * random.nextDouble()));
        nextCycle = timer.at(due, this::runCycle);
    }

    private void checkServices(TargetRecord node) {
        if (node.forgotten || node.isDown()) {
            return;
        }
        for (TargetRecord service : node.services) {
            if (service.retry != null || service.confirming) {
                continue;
            }
            Instant startedAt = timer.now();
            checks.service(service.service).thenAccept(result -> {
                synchronized (this) {
                    observe(service, result, startedAt);
                }
            });
        }
    }

    private void retry(TargetRecord record) {
        record.retry = null;
        if (record.forgotten || stopped || record.service != null && isDown(record.target.node())) {
            return;
        }
        Instant startedAt = timer.now();
        CompletableFuture<ProbeResult> check = record.service == null ? checks.node(record.member) : checks.service(record.service);
        check.thenAccept(result -> {
            synchronized (this) {
                observe(record, result, startedAt);
            }
        });
    }

    // ---- what one observation does ---------------------------------------------------------

    private void observe(TargetRecord record, ProbeResult result, Instant startedAt) {
        if (record.forgotten || stopped) {
            return;
        }
        metrics.recordCheck(record.target, result);
        TargetId target = record.target;
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
            if (target.isNode()) {
                lastContactAt = now;
            }
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
            if (seen == Status.DOWN && record.service != null) {
                blameTheNodeFirst(record, result, since);
            } else if (seen.isProblem() && config.confirmWithPeers()) {
                confirm(record, result, since);
            } else {
                transition(record, seen, since, result, List.of());
            }
        } else if (record.debouncer.isPending()) {
            if (record.retry == null) {
                record.retry = timer.after(config.retryInterval(), () -> retry(record));
            }
        } else {
            record.cancelRetry();
            if (seen == Status.UP) {
                record.disputes = 0;
            }
        }
    }

    /**
     * A service that does not answer is only accused when its node does: an unreachable node is
     * one DOWN, and its services are not reported separately.
     */
    private void blameTheNodeFirst(TargetRecord service, ProbeResult own, Instant since) {
        TargetRecord node = watched.get(service.target.node());
        service.confirming = true;
        Instant startedAt = timer.now();
        checks.node(service.member).thenAccept(nodeResult -> {
            synchronized (this) {
                service.confirming = false;
                if (stopped || service.forgotten) {
                    return;
                }
                if (nodeResult.status() == Status.DOWN) {
                    service.debouncer.reset();
                    observe(node, nodeResult, startedAt);
                } else if (config.confirmWithPeers()) {
                    confirm(service, own, since);
                } else {
                    transition(service, Status.DOWN, since, own, List.of());
                }
            }
        });
    }

    private void confirm(TargetRecord record, ProbeResult own, Instant since) {
        record.confirming = true;
        confirmation.run(record.target, own, witnessesFor(record.target)).thenAccept(outcome -> {
            synchronized (this) {
                record.confirming = false;
                if (!outcome.reports().isEmpty()) {
                    lastContactAt = timer.now();
                }
                if (stopped || record.forgotten) {
                    return;
                }
                switch (outcome.verdict()) {
                    case CONFIRMED, ALONE -> transition(record, own.status(), since, own, outcome.reports());
                    case DISPUTED -> disputed(record, own, outcome);
                    case UNANSWERED -> {
                        if (lastContactAt != null && !lastContactAt.isBefore(since)) {
                            transition(record, own.status(), since, own, outcome.reports());
                        } else {
                            confirmUnlessCutOff(record, own, since);
                        }
                    }
                }
            }
        });
    }

    /** Nobody could confirm and nobody has answered lately: accuse only if some other node answers now. */
    private void confirmUnlessCutOff(TargetRecord record, ProbeResult own, Instant since) {
        record.confirming = true;
        notCutOff(record.target.node()).thenAccept(connected -> {
            synchronized (this) {
                record.confirming = false;
                if (stopped || record.forgotten) {
                    return;
                }
                if (connected) {
                    transition(record, own.status(), since, own, List.of());
                } else {
                    record.debouncer.reset(); // cut off from everyone: the next cycle will say so
                }
            }
        });
    }

    /**
     * Whether this observer can still reach some node it does not watch (its own watchers first):
     * proof that it is not cut off. With no such node to ask, it decides alone: true.
     *
     * @param besides a node not to count, or null
     */
    private CompletableFuture<Boolean> notCutOff(NodeId besides) {
        List<Member> others = ring.predecessors(self).stream()
                .filter(node -> !watched.containsKey(node) && !node.equals(besides))
                .limit(MAX_NODES_ASKED_WHEN_ALONE).map(members::get).toList();
        if (others.isEmpty()) {
            return CompletableFuture.completedFuture(true);
        }
        return checks.anyAnswers(others).thenApply(reached -> {
            if (reached) {
                synchronized (this) {
                    lastContactAt = timer.now();
                }
            }
            return reached;
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
                record.services.forEach(service -> {
                    service.cancelRetry();
                    service.debouncer.reset();
                });
                takeOverIncidentsOf(record.target.node());
            }
        }
        alerts.onTransition(record, transition, result, reports);
        refreshWatchList(); // a node found down or back, or an incident closed, can change what to watch
    }

    // ---- the ring ---------------------------------------------------------------------------

    private boolean isDown(NodeId node) {
        TargetRecord record = watched.get(node);
        return record != null && record.isDown();
    }

    private void refreshWatchList() {
        Set<NodeId> keep = new LinkedHashSet<>(ring.watchList(self, this::isDown));
        for (TargetRecord node : watched.values()) {
            if (node.isDown() || node.incident != null || node.services.stream().anyMatch(service -> service.incident != null)) {
                keep.add(node.target.node()); // keep probing what was found in trouble, to see it recover
            }
        }
        List<NodeId> next = ring.members().stream().filter(keep::contains).toList();
        if (next.equals(List.copyOf(watched.keySet()))) {
            return;
        }
        Map<NodeId, TargetRecord> nextWatched = new LinkedHashMap<>();
        for (NodeId node : next) {
            TargetRecord record = watched.get(node);
            if (record == null) {
                record = TargetRecord.forNode(members.get(node), config);
                records.put(record.target, record);
                for (TargetRecord service : record.services) {
                    records.put(service.target, service);
                }
            }
            nextWatched.put(node, record);
        }
        for (TargetRecord old : watched.values()) {
            if (!nextWatched.containsKey(old.target.node())) {
                old.forget();
                records.remove(old.target);
                old.services.forEach(service -> records.remove(service.target));
            }
        }
        watched = nextWatched;
        events.record(events.event(EventKind.WATCH_CHANGED)
                .message(self + " watches " + next.stream().map(node -> isDown(node) ? node + " (down)" : node.value())
                        .collect(Collectors.joining(", ")))
                .attribute("watching", next.stream().map(NodeId::value).collect(Collectors.joining(","))));
    }

    /** The node that alerted of some incidents is down: the nearest live watcher of each takes it over. */
    private void takeOverIncidentsOf(NodeId fallen) {
        for (TargetRecord record : List.copyOf(records.values())) {
            if (record.incident != null && fallen.equals(record.incident.owner)
                    && ring.liveBetween(self, record.target.node(), this::isDown).isEmpty()) {
                alerts.takeOver(record);
            }
        }
    }

    /** The target's other watchers; with none (K = 1), the nearest other live node, for a second opinion. */
    private List<NodeId> witnessesFor(TargetId target) {
        List<NodeId> witnesses = new ArrayList<>(ring.watchersOf(target.node(), this::isDown));
        witnesses.remove(self);
        witnesses.remove(target.node());
        if (witnesses.isEmpty()) {
            return ring.predecessors(self).stream()
                    .filter(node -> !node.equals(target.node()) && !isDown(node))
                    .limit(FALLBACK_WITNESSES).toList();
        }
        return witnesses;
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
