package io.ringwatch.engine.watch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Bounds how long the engine waits for a stage, on its own scheduler (so virtual time applies). */
final class Timeouts {
    private Timeouts() {
    }

    /**
     * A future that completes like {@code stage}, or with {@code onTimeout} after {@code timeout},
     * whichever comes first; a stage that fails is mapped with {@code onFailure}. Never completes
     * exceptionally.
     */
    static <T> CompletableFuture<T> within(Supplier<CompletionStage<T>> start, Duration timeout, Timer timer,
            Supplier<T> onTimeout, Function<Throwable, T> onFailure) {
        CompletableFuture<T> source;
        try {
            CompletionStage<T> stage = start.get();
            if (stage == null) {
                throw new IllegalStateException("returned no result at all");
            }
            source = stage.toCompletableFuture();
        } catch (Throwable thrown) {
            return CompletableFuture.completedFuture(onFailure.apply(thrown));
        }
        if (source.isDone()) {
            return CompletableFuture.completedFuture(settle(source, onFailure));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        var deadline = timer.after(timeout, () -> result.complete(onTimeout.get()));
        source.whenComplete((value, failure) -> {
            deadline.cancel();
            result.complete(failure == null && value != null ? value
                    : onFailure.apply(failure == null ? new IllegalStateException("completed with no result") : unwrap(failure)));
        });
        return result;
    }

    private static <T> T settle(CompletableFuture<T> done, Function<Throwable, T> onFailure) {
        try {
            T value = done.join();
            return value != null ? value : onFailure.apply(new IllegalStateException("completed with no result"));
        } catch (Throwable failure) {
            return onFailure.apply(unwrap(failure));
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
