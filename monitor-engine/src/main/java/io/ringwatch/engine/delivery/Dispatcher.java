package io.ringwatch.engine.delivery;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Severity;
import io.ringwatch.engine.DeliveryMode;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.schedule.Cancellable;
import io.ringwatch.engine.schedule.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each notification to every channel, each on its own lane with its own timeout, and
 * records every delivery as sent or failed. A channel that throws or hangs delays no other
 * channel and never the checks. Thread-safe.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int QUEUE_CAPACITY = 1_000;
    /** Hanging deliveries left behind on a channel beyond which it is not tried until one returns. */
    private static final int MAX_STUCK_DELIVERIES = 3;

    private final List<Channel> channels = new ArrayList<>();
    private final EventRecorder events;
    private final Scheduler scheduler;
    private final Duration timeout;
    private final DeliveryMode mode;

    public Dispatcher(List<Notifier> notifiers, DeliveryMode mode, Duration timeout, Scheduler scheduler,
            EventRecorder events) {
        this.events = events;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.mode = mode;
        for (Notifier notifier : notifiers) {
            String name = safeName(notifier);
            channels.add(new Channel(notifier, name, Lane.open(mode, "notifier-" + name, QUEUE_CAPACITY)));
        }
    }

    /** Whether any channel is configured. */
    public boolean hasChannels() {
        return !channels.isEmpty();
    }

    /** Queues the notification on every channel. Never blocks (unless delivery is inline). */
    public void dispatch(Notification notification) {
        for (Channel channel : channels) {
            channel.lane.execute(new Delivery(channel, notification));
        }
    }

    /**
     * Waits up to the channel timeout, in all, for queued deliveries (the lanes work on them side
     * by side meanwhile), then closes every notifier.
     */
    public void close() {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Channel channel : channels) {
            channel.lane.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            try {
                channel.notifier.close();
            } catch (Throwable failure) {
                LOG.warn("Notifier {} failed to close", channel.name, failure);
            }
        }
    }

    /** One notification to one channel, bounded by the channel timeout. */
    private final class Delivery implements Runnable {
        private final Channel channel;
        private final Notification notification;
        private final AtomicBoolean settled = new AtomicBoolean();

        Delivery(Channel channel, Notification notification) {
            this.channel = channel;
            this.notification = notification;
        }

        @Override
        public void run() {
            int stuck = channel.lane.abandonedStillRunning();
            if (stuck >= MAX_STUCK_DELIVERIES) {
                failed(channel, notification, "not attempted: " + stuck + " earlier deliveries still hang");
                return;
            }
            Cancellable watchdog = mode == DeliveryMode.THREADS
                    ? scheduler.schedule(timeout, () -> {
                        if (settled.compareAndSet(false, true)) {
                            // Recorded before the lane moves on, so the next delivery's events come after it.
                            failed(channel, notification, "timed out after " + timeout.toMillis() + " ms");
                            channel.lane.abandon(this);
                        }
                    })
                    : Cancellable.NONE;
            try {
                channel.notifier.send(notification);
                if (settled.compareAndSet(false, true)) {
                    watchdog.cancel();
                    events.record(events.event(EventKind.NOTIFICATION_SENT)
                            .target(notification.target())
                            .status(notification.current())
                            .message("Sent " + channel.name + ": " + notification.headline())
                            .attribute("channel", channel.name)
                            .attribute("incident", notification.incidentKey())
                            .attribute("notification", notification.kind()));
                }
            } catch (Throwable failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (settled.compareAndSet(false, true)) {
                    watchdog.cancel();
                    failed(channel, notification, failure.getClass().getSimpleName() + ": " + OneLine.of(failure.getMessage(), 200));
                }
            }
        }
    }

    private void failed(Channel channel, Notification notification, String why) {
        events.record(events.event(EventKind.NOTIFICATION_FAILED)
                .target(notification.target())
                .status(notification.current())
                .severity(Severity.WARNING)
                .message("Failed to send to " + channel.name + ": " + notification.headline() + " (" + why + ")")
                .attribute("channel", channel.name)
                .attribute("incident", notification.incidentKey())
                .attribute("notification", notification.kind())
                .attribute("error", why));
    }

    private static String safeName(Notifier notifier) {
        try {
            return OneLine.of(notifier.name(), 60);
        } catch (Throwable failure) {
            return notifier.getClass().getSimpleName();
        }
    }

    private record Channel(Notifier notifier, String name, Lane lane) {
    }
}
