package io.ringwatch.api;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Checks one target and says what it saw. The engine checks nodes and HTTP status URLs through
 * its transport; implement this to check anything else (a database port, a queue depth) and
 * attach it to a service with {@code ServiceSpec.probed}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Non-blocking.</b> {@link #check} must return at once and complete the stage later,
 *       from any thread. Do blocking work on your own executor.</li>
 *   <li><b>Bounded.</b> The stage should complete within {@code timeout}. The engine does not
 *       wait longer: at the timeout it records the check as {@link Status#DOWN} with the
 *       reason "timed out" and ignores a later completion.</li>
 *   <li><b>Failures are results.</b> Report a target that does not answer as
 *       {@link ProbeResult#down}, not as an exception. A stage completed exceptionally, or an
 *       exception thrown by {@code check}, is recorded as {@link Status#DOWN} with the
 *       exception's class as the reason; it never stops the engine.</li>
 *   <li><b>Concurrency.</b> Checks run concurrently: of different targets, and of the same target
 *       when another watcher asks this one to check it too, or when a check outlives its
 *       timeout. Implementations must be thread-safe.</li>
 *   <li><b>Secrets.</b> Reasons, and the messages of exceptions a probe fails with, end up in
 *       logs and notifications: keep tokens out of them.</li>
 * </ul>
 */
@FunctionalInterface
public interface Probe {

    /**
     * Starts one check.
     *
     * @param timeout how long the engine will wait for the result
     * @return a stage that completes with what was seen
     */
    CompletionStage<ProbeResult> check(Duration timeout);
}
