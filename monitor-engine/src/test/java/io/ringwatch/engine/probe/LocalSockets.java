package io.ringwatch.engine.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Raw sockets on 127.0.0.1 for tests: a port nothing listens on, and servers that misbehave. */
final class LocalSockets {
    private LocalSockets() {
    }

    /** A port on 127.0.0.1 that was free a moment ago: bound, noted, closed. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServerSocket listening() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server that accepts each connection (up to a bound) and closes it at once. */
    static final class Closing implements AutoCloseable {
        private static final int MAX_CONNECTIONS = 20;
        private final ServerSocket server = listening();
        private final boolean reset;
        private final Thread acceptor = new Thread(this::closeEach, "test-closing-server");

        /** @param reset whether to close with a TCP reset (RST) rather than an orderly FIN */
        Closing(boolean reset) {
            this.reset = reset;
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void closeEach() {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                try (Socket socket = server.accept()) {
                    if (reset) {
                        socket.setSoLinger(true, 0);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
