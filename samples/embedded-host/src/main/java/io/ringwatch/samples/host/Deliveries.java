package io.ringwatch.samples.host;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The notifications delivered to one channel, as the engines' event logs record them
 * ({@link EventKind#NOTIFICATION_SENT}: the channel's {@code send} returned). Fed by every
 * engine's {@link TeeEventLog}; awaited by the demo. Thread-safe.
 */
final class Deliveries implements Consumer<Event> {
    private final String channel;
    private final List<Event> delivered = new ArrayList<>();

    Deliveries(String channel) {
        this.channel = channel;
    }

    @Override
    public synchronized void accept(Event event) {
        if (event.kind() == EventKind.NOTIFICATION_SENT && event.attribute("channel").orElse("").equals(channel)) {
            delivered.add(event);
            notifyAll();
        }
    }

    /**
     * Waits until a notification of this kind about this target was delivered, at most {@code bound}.
     *
     * @return the first such delivery, or empty if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized Optional<Event> await(NotificationKind kind, TargetId target, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<Event> found = delivered.stream().filter(event -> is(event, kind, target)).findFirst();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every delivery so far, in the order recorded. */
    synchronized List<Event> all() {
        return List.copyOf(delivered);
    }

    /** Whether {@code event} delivered a notification of this kind about this target. */
    static boolean is(Event event, NotificationKind kind, TargetId target) {
        return target.equals(event.target()) && event.attribute("notification").orElse("").equals(kind.name());
    }
}
