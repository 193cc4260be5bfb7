package io.ringwatch.engine.audit;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.EventLog;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Severity;
import io.ringwatch.engine.delivery.Lane;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stamps events with the time and the observer, logs them as one human line, and appends them
 * to the event log on its lane. Thread-safe.
 */
public final class EventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger("io.ringwatch.events");

    private final NodeId observer;
    private final Clock clock;
    private final EventLog log;
    private final Lane lane;
    private final Consumer<Event> listener;

    public EventRecorder(NodeId observer, Clock clock, EventLog log, Lane lane) {
        this(observer, clock, log, lane, event -> { });
    }

    /** @param listener told of every event as it is recorded, on the recording thread; must be quick */
    public EventRecorder(NodeId observer, Clock clock, EventLog log, Lane lane, Consumer<Event> listener) {
        this.observer = observer;
        this.clock = clock;
        this.log = log;
        this.lane = lane;
        this.listener = listener;
    }

    /** Starts an event of this kind, stamped now by this observer. */
    public Event.Builder event(EventKind kind) {
        return Event.builder(kind).at(clock.instant()).observer(observer);
    }

    /**
     * Records the event: one SLF4J line now, and an append to the log on the log's lane. Every
     * event but routine check failures and watch changes is flushed at once, so a crash of the
     * machine loses no state change, notification or acknowledgement already recorded.
     */
    public void record(Event.Builder builder) {
        Event event = builder.build();
        logLine(event);
        try {
            listener.accept(event);
        } catch (Throwable failure) {
            LOG.error("A listener of the event log failed on an event of kind {}; the engine goes on", event.kind(), failure);
        }
        boolean durable = event.kind() != EventKind.PROBE_FAILED && event.kind() != EventKind.WATCH_CHANGED;
        lane.execute(() -> {
            try {
                log.append(event);
                if (durable) {
                    log.flush();
                }
            } catch (Throwable failure) {
                LOG.error("The event log failed to record an event of kind {}; the engine goes on", event.kind(), failure);
            }
        });
    }

    /** Waits up to {@code drain} for queued events, then flushes and closes the log. */
    public void close(Duration drain) {
        lane.execute(() -> {
            try {
                log.close();
            } catch (Throwable failure) {
                LOG.error("The event log failed to close", failure);
            }
        });
        lane.close(drain);
    }

    private void logLine(Event event) {
        if (event.kind() == EventKind.PROBE_FAILED || event.kind() == EventKind.NOTIFICATION_QUEUED) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("[{}] {}", observer, event.humanLine());
            }
        } else if (event.severity() == Severity.INFORMATION) {
            LOG.info("[{}] {}", observer, event.humanLine());
        } else {
            LOG.warn("[{}] {}", observer, event.humanLine());
        }
    }
}
