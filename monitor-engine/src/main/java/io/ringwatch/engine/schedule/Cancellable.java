package io.ringwatch.engine.schedule;

/** A scheduled task that can still be called off. Thread-safe. */
@FunctionalInterface
public interface Cancellable {

    /** A handle for nothing: cancelling it does nothing. */
    Cancellable NONE = () -> false;

    /**
     * Calls the task off: it will not start after this returns (a run already under way
     * finishes). A periodic task stops for good.
     *
     * @return whether this call stopped it (false if it had run, or was cancelled already)
     */
    boolean cancel();
}
