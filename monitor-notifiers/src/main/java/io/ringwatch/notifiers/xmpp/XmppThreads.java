package io.ringwatch.notifiers.xmpp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The incidents of the threads the channel's notifications were sent in, so that a message in
 * one of those threads is known to answer that incident. Holds the {@value #CAPACITY} most
 * recently used threads. Thread-safe.
 */
final class XmppThreads {
    static final int CAPACITY = 1_000;

    private final Map<String, String> incidentOfThread = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Notes that the incident's notifications go out in its thread ({@link XmppMessages#threadOf}). */
    synchronized void sent(String incidentKey) {
        incidentOfThread.put(XmppMessages.threadOf(incidentKey), incidentKey);
    }

    /** The incident whose notifications were sent in {@code thread}, if one was, recently. */
    synchronized Optional<String> incidentOf(String thread) {
        return thread == null ? Optional.empty() : Optional.ofNullable(incidentOfThread.get(thread));
    }

    @Override
    public synchronized String toString() {
        return "XmppThreads[" + incidentOfThread.size() + " of " + CAPACITY + "]";
    }
}
