package io.ringwatch.api;

import java.io.IOException;
import java.util.List;

/**
 * Keeps the audit trail: every probe failure, state change, notification, message,
 * acknowledgement and note the engine records.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading.</b> The engine calls {@link #append} from one thread at a time, in the
 *       order events happened; implementations need no locking of their own for that.</li>
 *   <li><b>Time.</b> An append should take milliseconds. The engine writes from a thread of
 *       its own, so a slow log delays neither checks nor notifications, but events queue up
 *       behind it (and the oldest are dropped, with a warning, if the queue fills).</li>
 *   <li><b>Failure.</b> An append that throws is reported through SLF4J and the engine goes on;
 *       it must not lose what was appended before.</li>
 *   <li><b>Durability.</b> Once {@link #flush} returns, what was appended survives a crash of
 *       the process.</li>
 * </ul>
 */
public interface EventLog extends AutoCloseable {

    /**
     * Records one event.
     *
     * @throws IOException if it could not be written
     */
    void append(Event event) throws IOException;

    /**
     * Makes what was appended durable.
     *
     * @throws IOException if it could not be written
     */
    default void flush() throws IOException {
    }

    /**
     * The events this log still holds from earlier runs, oldest first, read back when an engine
     * starts: it resends from them the notifications a crash or a restart left undelivered (the
     * durable outbox). A log that cannot be read back returns none, the default; then
     * notifications still queued when the process ends are lost.
     *
     * @throws IOException if the log could not be read; the engine starts anyway, without resending
     */
    default List<Event> replay() throws IOException {
        return List.of();
    }

    /**
     * Flushes and releases the log. Called once, when the engine closes.
     *
     * @throws IOException if the last writes failed
     */
    @Override
    default void close() throws IOException {
        flush();
    }
}
