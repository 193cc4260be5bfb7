package io.ringwatch.engine;

/** Where notifiers and the event log run. */
public enum DeliveryMode {
    /**
     * Each notifier, and the event log, on a thread of its own (one per channel, never one per
     * target), with the channel timeout enforced: a slow or hanging channel delays nothing else.
     * The default.
     */
    THREADS,
    /**
     * On the engine's own thread, one after the other, with no timeout. For tests with fast fakes
     * in virtual time, where it makes every run the same; a hanging notifier would hang the engine.
     */
    INLINE
}
