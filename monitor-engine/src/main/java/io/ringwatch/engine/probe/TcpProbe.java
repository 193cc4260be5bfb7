package io.ringwatch.engine.probe;

import io.ringwatch.api.Probe;
import io.ringwatch.api.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a host accepts TCP connections on a port: the node check when no HTTP is
 * wanted, and the check for ports such as a database's. UP "connected" when the connection
 * opens (it is closed at once, nothing is sent); DOWN "connection refused", "host not found
 * (host)" or "timed out (after N ms)" otherwise. Immutable and thread-safe.
 *
 * <p>Connecting uses an {@link AsynchronousSocketChannel} on the JVM's default channel group,
 * so no thread waits per target. Host names are resolved on a few shared daemon threads,
 * because {@link InetAddress} resolves synchronously; the caller never blocks.
 */
public final class TcpProbe implements Probe {
    private final String host;
    private final int port;

    private TcpProbe(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * A probe of {@code host} at {@code port}.
     *
     * @param host a host name or an IP address (an IPv6 address without brackets)
     * @param port 1 to 65535
     * @throws NullPointerException if {@code host} is null
     * @throws IllegalArgumentException if {@code host} is blank or {@code port} out of range
     */
    public static TcpProbe of(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("host must be a name or an address without spaces, was '" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 1 to 65535, was " + port);
        }
        return new TcpProbe(host, port);
    }

    /**
     * A probe of {@code host:port}, or {@code [ipv6-address]:port}.
     *
     * @throws NullPointerException if {@code hostPort} is null
     * @throws IllegalArgumentException if it is not of either form, naming what is wrong
     */
    public static TcpProbe parse(String hostPort) {
        Objects.requireNonNull(hostPort, "hostPort");
        String text = hostPort.strip();
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + hostPort + "' opens '[' without closing it; expected [address]:port");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + hostPort + "' has no port after ']'; expected [address]:port");
            }
            port = rest.substring(1);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + hostPort + "' has no port; expected host:port");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("'" + hostPort + "' looks like an IPv6 address; put it in brackets: [address]:port");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + hostPort + "' has no host; expected host:port");
        }
        return of(host, parsePort(port, hostPort));
    }

    private static int parsePort(String port, String hostPort) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + hostPort + "' has no valid port: '" + port + "' is not a number from 1 to 65535");
        }
        return Integer.parseInt(port);
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
        CompletableFuture<ProbeResult> outcome = new CompletableFuture<>();
        outcome.completeOnTimeout(ProbeResult.down(timeout, "timed out (" + NetworkFailures.afterTimeout(timeout) + ")"),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            CompletableFuture.supplyAsync(() -> new InetSocketAddress(host, port), SharedExecutors.resolver())
                    .whenComplete((address, failure) -> {
                        if (failure != null) {
                            outcome.complete(down(failure, stopwatch, timeout));
                        } else if (address.isUnresolved()) {
                            outcome.complete(ProbeResult.down(stopwatch.elapsed(), "host not found (" + host + ")"));
                        } else {
                            connect(address, stopwatch, timeout, outcome);
                        }
                    });
        } catch (RejectedExecutionException busy) {
            outcome.complete(ProbeResult.down(stopwatch.elapsed(), "not checked: too many host name lookups waiting"));
        }
        return outcome;
    }

    private static void connect(InetSocketAddress address, Stopwatch stopwatch, Duration timeout,
            CompletableFuture<ProbeResult> outcome) {
        if (outcome.isDone()) {
            return;
        }
        AsynchronousSocketChannel channel;
        try {
            channel = AsynchronousSocketChannel.open();
        } catch (IOException | RuntimeException cannotOpen) {
            outcome.complete(down(cannotOpen, stopwatch, timeout));
            return;
        }
        outcome.whenComplete((result, failure) -> closeQuietly(channel));
        try {
            channel.connect(address, null, new CompletionHandler<Void, Void>() {
                @Override
                public void completed(Void nothing, Void attachment) {
                    outcome.complete(ProbeResult.up(stopwatch.elapsed(), "connected"));
                }

                @Override
                public void failed(Throwable failure, Void attachment) {
                    outcome.complete(down(failure, stopwatch, timeout));
                }
            });
        } catch (RuntimeException refused) {
            outcome.complete(down(refused, stopwatch, timeout));
        }
    }

    private static ProbeResult down(Throwable failure, Stopwatch stopwatch, Duration timeout) {
        return ProbeResult.down(stopwatch.elapsed(), NetworkFailures.notReceived(failure, stopwatch.elapsed(), timeout).reason());
    }

    private static void closeQuietly(AsynchronousSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a probe's own channel cannot fail in a way anyone could act on
        }
    }

    @Override
    public String toString() {
        return "TcpProbe[" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "]";
    }
}
