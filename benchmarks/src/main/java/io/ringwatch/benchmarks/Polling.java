package io.ringwatch.benchmarks;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for a condition, by polling. Stateless; thread-safe. */
final class Polling {

    private Polling() {
    }

    /**
     * Polls {@code condition} every {@code every} until it holds or {@code bound} has passed.
     *
     * @return whether it held in time
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean until(BooleanSupplier condition, Duration bound, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(every.toMillis());
        }
        return true;
    }
}
