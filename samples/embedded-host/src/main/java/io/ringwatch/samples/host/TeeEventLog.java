package io.ringwatch.samples.host;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventLog;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventLog} that writes each event to another log, then hands it to a listener: how
 * a host app sees what its engine records as it happens (to update a dashboard, count alerts,
 * or, in the demo, to know that a notification was delivered), without a second audit trail.
 *
 * <p>The listener is called on the engine's event-log thread, one event at a time, after the
 * event was written; it should be quick. If it throws, the failure is logged and the event
 * still counts as recorded.
 *
 * <p>Closing it closes the log it writes to: the engine does that when it closes.
 *
 * <p>Thread-safe as far as the {@link EventLog} contract asks: one thread at a time.
 */
public final class TeeEventLog implements EventLog {
    private static final Logger LOG = LoggerFactory.getLogger(TeeEventLog.class);

    private final EventLog log;
    private final Consumer<Event> listener;

    /**
     * @param log where events are recorded
     * @param listener told of each event once it is written
     * @throws NullPointerException if an argument is null
     */
    public TeeEventLog(EventLog log, Consumer<Event> listener) {
        this.log = Objects.requireNonNull(log, "log");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Writes the event, then tells the listener.
     *
     * @throws IOException if the log could not write it (the listener is not told then)
     */
    @Override
    public void append(Event event) throws IOException {
        log.append(event);
        try {
            listener.accept(event);
        } catch (RuntimeException failure) {
            LOG.warn("The event listener failed on an event of kind {}; the event is recorded", event.kind(), failure);
        }
    }

    @Override
    public void flush() throws IOException {
        log.flush();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }

    @Override
    public String toString() {
        return "TeeEventLog[" + log + "]";
    }
}
