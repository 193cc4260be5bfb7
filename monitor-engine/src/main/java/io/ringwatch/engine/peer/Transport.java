package io.ringwatch.engine.peer;

import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.membership.Member;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Carries an engine's checks and questions over a network.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Non-blocking.</b> Both methods return at once; the stage completes later, on any
 *       thread, or at once when the answer is known.</li>
 *   <li><b>Bounded.</b> Stages should complete within {@code timeout}. The engine does not wait
 *       longer: it treats a late stage as timed out and ignores its result.</li>
 *   <li><b>Failures.</b> {@link #fetch} reports no answer as
 *       {@link ServiceResponse.NotReceived}, never as an exception. {@link #ask} completes
 *       exceptionally with a {@link PeerUnreachableException} when the peer did not answer.</li>
 *   <li><b>Thread-safe.</b> Called concurrently for different targets.</li>
 *   <li><b>Never answer on the asking thread from another engine.</b> The engine may hold its
 *       own lock while it asks. An in-process transport that calls another engine's
 *       {@code answer} on the calling thread can deadlock two engines that ask each other at
 *       once; hand the question to another thread. (The testkit's simulated network may, because
 *       everything there runs on one thread.)</li>
 * </ul>
 */
public interface Transport {

    /**
     * Asks a peer node a question.
     *
     * @param peer who to ask
     * @param question what to ask
     * @param timeout how long the engine will wait
     * @return the answer; exceptionally a {@link PeerUnreachableException}
     */
    CompletionStage<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout);

    /**
     * Fetches a service's status URL.
     *
     * @param statusUrl what to fetch
     * @param timeout how long the engine will wait
     * @return the answer, or why there was none
     */
    CompletionStage<ServiceResponse> fetch(URI statusUrl, Duration timeout);
}
