package io.ringwatch.notifiers.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server on 127.0.0.1 that takes one connection and refuses every recipient, quoting the
 * address in its answer as Postfix does ({@code 550 5.1.1 <alice@example.net>: Recipient address
 * rejected: User unknown (alice@example.net)}). It offers AUTH PLAIN and takes any login. Reads are
 * bounded by a socket timeout, so a test that goes wrong cannot hang on it.
 */
final class RefusingSmtpServer implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 5_000;

    private final ServerSocket socket;
    private final Thread thread;

    private RefusingSmtpServer(ServerSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::serveOne, "refusing-smtp");
        this.thread.setDaemon(true);
    }

    static RefusingSmtpServer start() throws IOException {
        RefusingSmtpServer server = new RefusingSmtpServer(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
        server.thread.start();
        return server;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serveOne() {
        try (Socket client = socket.accept()) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            say(out, "220 refusing.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    say(out, "250-refusing.test\r\n250 AUTH PLAIN");
                } else if (command.equals("AUTH PLAIN")) {
                    say(out, "334 ");
                    in.readLine();
                    say(out, "235 2.7.0 Authentication successful");
                } else if (command.startsWith("AUTH PLAIN ")) {
                    say(out, "235 2.7.0 Authentication successful");
                } else if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    say(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown ("
                            + address.toLowerCase(Locale.ROOT) + ")");
                } else if (command.equals("QUIT")) {
                    say(out, "221 2.0.0 Bye");
                    return;
                } else {
                    say(out, "250 2.0.0 Ok");
                }
            }
        } catch (IOException ended) {
            // the test is over, or went wrong and says so itself
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        thread.join(READ_TIMEOUT_MS);
    }
}
