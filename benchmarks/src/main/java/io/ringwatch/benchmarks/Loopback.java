package io.ringwatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The loopback farms' shared ground: 127.0.0.1 itself, free ports on it, and a farm secret.
 * Stateless; thread-safe.
 */
final class Loopback {

    private Loopback() {
    }

    /** 127.0.0.1 itself, not whatever {@link InetAddress#getLoopbackAddress()} prefers (::1 with IPv6 preferred). */
    static InetSocketAddress address(int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * A port on 127.0.0.1 that was free a moment ago: bound as port 0 and closed again, for a
     * process that binds it itself.
     *
     * @throws UncheckedIOException if no port can be bound
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address(0), 1);
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot reserve a port on 127.0.0.1", failure);
        }
    }

    /** A fresh random secret that every node of a farm shares. */
    static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
