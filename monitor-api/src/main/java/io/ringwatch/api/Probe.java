package io.ringwatch.api;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Checks one target and says what it saw. The engine ships probes for node reachability and
 * for HTTP status endpoints; implement this to check anything else (a database port, a
 * queue depth) and attach it to a service.
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
 *   <li><b>Concurrency.</b> The engine never runs two checks of one probe at the same time
 *       for the same observer, but different targets' probes run concurrently.</li>
 *   <li><b>Secrets.</b> Reasons end up in logs and notifications: keep tokens out of them.</li>
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
