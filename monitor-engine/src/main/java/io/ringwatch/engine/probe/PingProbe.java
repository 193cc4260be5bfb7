package io.ringwatch.engine.probe;

import io.ringwatch.api.Probe;
import io.ringwatch.api.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a host answers an ICMP echo (a ping), through
 * {@link InetAddress#isReachable(int)}. UP "reachable", or DOWN "no echo reply",
 * "host not found (host)" or "timed out (after N ms)". Immutable and thread-safe.
 *
 * <p><b>Where it means something.</b> The JDK sends ICMP only where the process may: root
 * or {@code CAP_NET_RAW} on Linux, and on systems that allow unprivileged ICMP. Without that
 * privilege it falls back to opening a TCP connection to port 7 (echo), which most hosts do
 * not serve; a refused connection still counts as reachable, a filtered one does not. So
 * read a result as "reachable" only where the process may send ICMP; elsewhere prefer a
 * {@link TcpProbe} of a port the host really serves.
 *
 * <p>{@code isReachable} blocks until the answer or the timeout, so it runs on a few shared
 * daemon threads (never one per target); the caller never blocks. Pings queue there when
 * more are in flight than threads, and a ping that waited past its timeout is not sent.
 */
public final class PingProbe implements Probe {
    private final String host;

    private PingProbe(String host) {
        this.host = host;
    }

    /**
     * A probe of {@code host}.
     *
     * @param host a host name or an IP address
     * @throws NullPointerException if {@code host} is null
     * @throws IllegalArgumentException if {@code host} is blank or holds spaces
     */
    public static PingProbe of(String host) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("host must be a name or an address without spaces, was '" + host + "'");
        }
        return new PingProbe(host);
    }

    /**
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    @Override
    public CompletionStage<ProbeResult> check(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        Stopwatch stopwatch = Stopwatch.start();
        CompletableFuture<ProbeResult> outcome;
        try {
            outcome = CompletableFuture.supplyAsync(() -> ping(stopwatch, timeout), SharedExecutors.pinger());
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(ProbeResult.down(stopwatch.elapsed(), "not checked: too many pings waiting"));
        }
        return outcome.completeOnTimeout(timedOut(timeout, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private ProbeResult ping(Stopwatch stopwatch, Duration timeout) {
        try {
            InetAddress address = InetAddress.getByName(host);
            Duration left = stopwatch.remainingOf(timeout);
            if (left.toMillis() < 1) {
                return timedOut(stopwatch.elapsed(), timeout);
            }
            boolean answered = address.isReachable((int) Math.min(Integer.MAX_VALUE, left.toMillis()));
            return answered ? ProbeResult.up(stopwatch.elapsed(), "reachable")
                    : ProbeResult.down(stopwatch.elapsed(), "no echo reply");
        } catch (UnknownHostException unknown) {
            return ProbeResult.down(stopwatch.elapsed(), "host not found (" + host + ")");
        } catch (IOException | RuntimeException failed) {
            return ProbeResult.down(stopwatch.elapsed(),
                    NetworkFailures.notReceived(failed, stopwatch.elapsed(), timeout, host).reason());
        }
    }

    private static ProbeResult timedOut(Duration latency, Duration timeout) {
        return ProbeResult.down(latency, "timed out (" + NetworkFailures.afterTimeout(timeout) + ")");
    }

    @Override
    public String toString() {
        return "PingProbe[" + host + "]";
    }
}
