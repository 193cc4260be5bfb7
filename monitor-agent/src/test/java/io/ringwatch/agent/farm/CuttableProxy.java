package io.ringwatch.agent.farm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP path from one node to one port on loopback that the test can cut: while cut, it accepts
 * connections and lets them hang, as a network that drops packets does, so the caller times
 * out. Uses a few threads per connection; the tests open few.
 */
final class CuttableProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private CuttableProxy(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Starts forwarding from a free loopback port to {@code targetPort}. */
    static CuttableProxy to(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            CuttableProxy proxy = new CuttableProxy(listener, targetPort);
            Thread acceptor = new Thread(proxy::accept, "proxy-" + listener.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, new connections hang and connections under way are dropped. */
    void cut() {
        cut = true;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    @Override
    public void close() {
        cut = true;
        closeQuietly(listener);
        sockets.forEach(CuttableProxy::closeQuietly);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (!cut) {
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
            } catch (IOException closedOrRefused) {
                // the listener closed, or the target refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0 && !cut; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    @Override
    public String toString() {
        return "CuttableProxy[" + port() + " -> " + target + (cut ? ", cut" : "") + "]";
    }
}
