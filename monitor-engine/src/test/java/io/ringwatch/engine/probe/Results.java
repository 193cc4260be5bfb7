package io.ringwatch.engine.probe;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Waits, boundedly, for what a probe or fetch completes with. */
final class Results {
    /** Far longer than any check in these tests may take; a hang fails the test instead of stalling the build. */
    private static final long PATIENCE_SECONDS = 10;

    private Results() {
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stage did not complete normally within " + PATIENCE_SECONDS + " s", e);
        }
    }
}
