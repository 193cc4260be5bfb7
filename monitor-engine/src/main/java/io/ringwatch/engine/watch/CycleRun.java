package io.ringwatch.engine.watch;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The node checks of one cycle, collected so the cycle can be judged as a whole before any
 * result counts: if every partner failed at once, or the control target failed, or the cycle
 * ran late, the observer suspects itself rather than its partners. Guarded by the watcher's lock.
 */
final class CycleRun {
    /** One partner's result, with what the observer believed of it before. */
    record Result(TargetRecord partner, ProbeResult result, Instant startedAt, Status believed) {
    }

    private final int expected;
    private final String lateBy;
    private final Instant startedAt;
    private final List<Result> results = new ArrayList<>();
    private ProbeResult control;
    private int received;

    /**
     * @param expected how many checks (partners, plus the control target) the cycle waits for
     * @param lateBy why the cycle itself is suspect (it ran late), or null
     */
    CycleRun(int expected, String lateBy, Instant startedAt) {
        this.expected = expected;
        this.lateBy = lateBy;
        this.startedAt = startedAt;
    }

    /** When the cycle began; a cycle still incomplete long after is given up. */
    Instant startedAt() {
        return startedAt;
    }

    /** Adds a partner's result; true when the cycle has everything. */
    boolean add(Result result) {
        results.add(result);
        return ++received == expected;
    }

    /** Adds the control target's result; true when the cycle has everything. */
    boolean addControl(ProbeResult result) {
        control = result;
        return ++received == expected;
    }

    boolean isComplete() {
        return received == expected;
    }

    List<Result> results() {
        return results;
    }

    /** Why this observer must not trust the cycle's failures, or null when it may. */
    String suspicion() {
        if (lateBy != null) {
            return lateBy;
        }
        if (control != null && control.status() != Status.UP) {
            return "the control target failed (" + control.reason() + ")";
        }
        return null;
    }

    /**
     * Whether every partner believed alive failed to answer at once: either they all went down,
     * or this observer is cut off. Only reaching another node tells which.
     */
    boolean everyPartnerFailed() {
        boolean anyBelievedAlive = false;
        for (Result result : results) {
            if (result.believed() != Status.DOWN) {
                if (result.result().status() != Status.DOWN) {
                    return false;
                }
                anyBelievedAlive = true;
            }
        }
        return anyBelievedAlive;
    }

    /** The reason given when {@link #everyPartnerFailed()} and no other node answers either. */
    String everyPartnerFailedReason() {
        return (believedAlive().size() == 1 ? "its partner failed (" : "every partner failed at once (") + believedAlive().stream().map(result -> result.partner().target.toString())
                .collect(Collectors.joining(", ")) + ") and no other node answers";
    }

    private List<Result> believedAlive() {
        return results.stream().filter(result -> result.believed() != Status.DOWN).toList();
    }
}
