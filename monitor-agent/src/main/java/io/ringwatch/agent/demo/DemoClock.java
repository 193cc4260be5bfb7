package io.ringwatch.agent.demo;

/** Seconds since the demo started, for the start of each line: {@code [ 3.2s]}. Thread-safe. */
final class DemoClock {
    private final long started = System.nanoTime();

    String stamp() {
        return String.format(java.util.Locale.ROOT, "[%5.1fs]", (System.nanoTime() - started) / 1e9);
    }
}
