package io.ringwatch.engine.report;

import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintenance windows the events tell of, per target the window is on, as
 * [start, end) intervals; a window still open has no end. Windows on the same target that
 * overlap (a second MAINTENANCE_STARTED before the first ended) count as one until the last
 * ends; a MAINTENANCE_ENDED with no window open is ignored. Not thread-safe.
 */
final class MaintenanceHistory {
    private final Map<TargetId, List<Span>> windows = new HashMap<>();
    private final Map<TargetId, Integer> open = new HashMap<>();

    /** A window on {@code on} started at {@code at}. */
    void started(TargetId on, Instant at) {
        int before = open.getOrDefault(on, 0);
        open.put(on, before + 1);
        if (before == 0) {
            windows.computeIfAbsent(on, id -> new ArrayList<>()).add(new Span(at, null));
        }
    }

    /** A window on {@code on} ended at {@code at}. */
    void ended(TargetId on, Instant at) {
        int before = open.getOrDefault(on, 0);
        if (before == 0) {
            return;
        }
        open.put(on, before - 1);
        if (before == 1) {
            List<Span> spans = windows.get(on);
            Span last = spans.remove(spans.size() - 1);
            spans.add(new Span(last.start(), at.isBefore(last.start()) ? last.start() : at));
        }
    }

    /**
     * The times {@code target} was in maintenance, through a window on itself or on its node:
     * sorted, merged, none empty.
     */
    List<Span> covering(TargetId target) {
        List<Span> all = new ArrayList<>(windows.getOrDefault(target, List.of()));
        if (!target.isNode()) {
            all.addAll(windows.getOrDefault(target.nodeTarget(), List.of()));
        }
        all.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : all) {
            if (span.isEmpty()) {
                continue;
            }
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span.start().isAfter(last.endOrMax())) {
                merged.set(merged.size() - 1, new Span(last.start(), later(last, span)));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** Whether {@code at} lies in one of {@code spans}. */
    static boolean covers(List<Span> spans, Instant at) {
        return spans.stream().anyMatch(span -> !at.isBefore(span.start()) && at.isBefore(span.endOrMax()));
    }

    /** How much of [{@code start}, {@code end}) the merged {@code spans} cover. */
    static Duration overlap(List<Span> spans, Instant start, Instant end) {
        Duration total = Duration.ZERO;
        for (Span span : spans) {
            Instant from = span.start().isAfter(start) ? span.start() : start;
            Instant to = span.endOrMax().isBefore(end) ? span.endOrMax() : end;
            if (to.isAfter(from)) {
                total = total.plus(Duration.between(from, to));
            }
        }
        return total;
    }

    private static Instant later(Span a, Span b) {
        if (a.end() == null || b.end() == null) {
            return null;
        }
        return a.end().isAfter(b.end()) ? a.end() : b.end();
    }

    /**
     * A stretch of maintenance.
     *
     * @param start when it began, inclusive
     * @param end when it ended, exclusive; {@code null} while still open
     */
    record Span(Instant start, Instant end) {
        Instant endOrMax() {
            return end == null ? Instant.MAX : end;
        }

        boolean isEmpty() {
            return end != null && !end.isAfter(start);
        }
    }
}
