package io.ringwatch.notifiers.telegram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The incident keys of the last {@value #CAPACITY} notifications sent, by chat and message id, so
 * that a reply to one of them can be told which incident it answers. Thread-safe.
 */
final class SentMessages {
    static final int CAPACITY = 1_000;

    private final Map<String, String> incidents = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers that message {@code messageId} of {@code chatId} told of {@code incidentKey}. */
    synchronized void remember(String chatId, long messageId, String incidentKey) {
        incidents.put(key(chatId, messageId), incidentKey);
    }

    /** The incident that message {@code messageId} of {@code chatId} told of, if it is one of the last ones sent. */
    synchronized Optional<String> incidentOf(String chatId, long messageId) {
        return Optional.ofNullable(incidents.get(key(chatId, messageId)));
    }

    synchronized int size() {
        return incidents.size();
    }

    private static String key(String chatId, long messageId) {
        return chatId + "#" + messageId; // message ids count per chat
    }

    /** Shows how many it holds, never a chat. */
    @Override
    public synchronized String toString() {
        return "SentMessages[" + incidents.size() + "]";
    }
}
