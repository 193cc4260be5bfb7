package io.ringwatch.engine.metrics;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one engine has counted since it started: every check by target and result, check
 * latencies, and every notification by channel and outcome. The engine records; anyone may read.
 * Counters only grow. Thread-safe.
 */
public final class EngineMetrics {
    /** What became of one attempt, or of one delivery, to a channel. */
    public enum Outcome {
        /** The channel took it. */
        SENT,
        /** One attempt failed, timed out or was not tried; the delivery may be tried again. */
        FAILED,
        /** The delivery failed on every attempt and was given up (or handed to a standby). */
        GAVE_UP
    }

    private final ConcurrentMap<TargetId, Map<Status, LongAdder>> checks = new ConcurrentHashMap<>();
    private final ConcurrentMap<TargetId, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Map<Outcome, LongAdder>> deliveries = new ConcurrentHashMap<>();

    /** Counts one check of {@code target}. Called by the engine. */
    public void recordCheck(TargetId target, ProbeResult result) {
        checks.computeIfAbsent(target, key -> newCounters(Status.class)).get(result.status()).increment();
        latencies.computeIfAbsent(target, key -> new LatencyHistogram()).record(result.latency());
    }

    /** Counts a notification outcome when the event is one. Called by the engine for every event it records. */
    public void observe(Event event) {
        Outcome outcome = event.kind() == EventKind.NOTIFICATION_SENT ? Outcome.SENT
                : event.kind() == EventKind.NOTIFICATION_FAILED ? Outcome.FAILED
                : event.kind() == EventKind.NOTIFICATION_GAVE_UP ? Outcome.GAVE_UP : null;
        if (outcome != null) {
            String channel = event.attributes().getOrDefault("channel", "unknown");
            deliveries.computeIfAbsent(channel, key -> newCounters(Outcome.class)).get(outcome).increment();
        }
    }

    /** How many checks of each target gave each result, by target. */
    public Map<TargetId, Map<Status, Long>> checks() {
        return snapshot(checks);
    }

    /** How many checks of {@code target} gave {@code status}. */
    public long checkCount(TargetId target, Status status) {
        Map<Status, LongAdder> counters = checks.get(target);
        return counters == null || !counters.containsKey(status) ? 0 : counters.get(status).sum();
    }

    /** Check latencies, by target. */
    public Map<TargetId, LatencyHistogram> latencies() {
        return Collections.unmodifiableMap(new TreeMap<>(latencies));
    }

    /** How many deliveries had each outcome, by channel. */
    public Map<String, Map<Outcome, Long>> deliveries() {
        return snapshot(deliveries);
    }

    private static <E extends Enum<E>> Map<E, LongAdder> newCounters(Class<E> type) {
        Map<E, LongAdder> counters = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counters.put(value, new LongAdder());
        }
        return Collections.unmodifiableMap(counters);
    }

    private static <K extends Comparable<K>, E extends Enum<E>> Map<K, Map<E, Long>> snapshot(Map<K, Map<E, LongAdder>> source) {
        Map<K, Map<E, Long>> copy = new TreeMap<>();
        source.forEach((key, counters) -> {
            Map<E, Long> values = new TreeMap<>();
            counters.forEach((value, adder) -> values.put(value, adder.sum()));
            copy.put(key, Collections.unmodifiableMap(values));
        });
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "EngineMetrics[" + checks.size() + " targets, " + deliveries.size() + " channels]";
    }
}
