package io.ringwatch.notifiers.matrix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which incident each of the last {@link #CAPACITY} notification events this channel sent belongs
 * to, by event id, so that a reply to one of them can name its incident. Thread-safe.
 */
final class SentEvents {
    /** How many events are remembered; the oldest is forgotten first. */
    static final int CAPACITY = 1_000;

    private final Map<String, String> incidents = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers that the event {@code eventId} told of the incident {@code incidentKey}. */
    synchronized void remember(String eventId, String incidentKey) {
        incidents.put(eventId, incidentKey);
    }

    /** The incident the event {@code eventId} told of, if it is one of the remembered ones. */
    synchronized Optional<String> incidentOf(String eventId) {
        return Optional.ofNullable(incidents.get(eventId));
    }

    /** Shows how many events are remembered. */
    @Override
    public synchronized String toString() {
        return "SentEvents[" + incidents.size() + "]";
    }
}
