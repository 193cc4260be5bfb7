package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.TargetId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every notification a farm's nodes sent, with the {@link System#nanoTime()} at which it
 * arrived: the channel the harness reads its latencies from. In-JVM engines each get their own
 * {@link #notifier(NodeId)}; agent processes reach it through a {@link WebhookInbox}. All of
 * them {@link #record} here. Thread-safe.
 */
final class Arrivals {
    /** One notification, reduced to what the harness reads, and when it arrived, on the {@code nanoTime} scale. */
    record Arrival(NotificationKind kind, TargetId target, NodeId observer, long nanos) {

        boolean is(NotificationKind kind, TargetId target) {
            return this.kind == kind && this.target.equals(target);
        }
    }

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    /** Records a notification that arrived at {@code nanos}. Cheap, never blocks. */
    void record(NotificationKind kind, TargetId target, NodeId observer, long nanos) {
        arrivals.add(new Arrival(kind, target, observer, nanos));
    }

    /** A channel for {@code node}'s engine; cheap, never fails, never blocks. */
    Notifier notifier(NodeId node) {
        return new Notifier() {
            @Override
            public String name() {
                return "latency-inbox";
            }

            @Override
            public void send(Notification notification) {
                record(notification.kind(), notification.target(), notification.observer(), System.nanoTime());
            }

            @Override
            public String toString() {
                return "Arrivals.notifier[" + node + "]";
            }
        };
    }

    /** The first {@code kind} about {@code target} that arrived at or after {@code sinceNanos}. */
    Optional<Arrival> first(NotificationKind kind, TargetId target, long sinceNanos) {
        return arrivals.stream().filter(arrival -> arrival.is(kind, target) && arrival.nanos() - sinceNanos >= 0).findFirst();
    }

    /** Everything that arrived at or after {@code fromNanos} and before {@code toNanos}, in arrival order. */
    List<Arrival> between(long fromNanos, long toNanos) {
        return arrivals.stream().filter(arrival -> arrival.nanos() - fromNanos >= 0 && arrival.nanos() - toNanos < 0).toList();
    }
}
