package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prosody XMPP server (the Debian package, {@code /usr/bin/prosody}) for one test class,
 * started on a free port of 127.0.0.1 with everything in a temporary directory: its
 * configuration, a self-signed certificate for {@value #DOMAIN} made with {@code openssl}, its
 * accounts, its log. It offers STARTTLS with that certificate (except on {@value #PLAIN_DOMAIN})
 * and, for this test server only, also accepts logins without TLS. No server-to-server, no offline storage (a message to
 * someone offline bounces). Not thread-safe.
 */
final class ProsodyServer implements AutoCloseable {
    static final String DOMAIN = "ringwatch.test";
    /** A second domain on the server, which has no certificate of its own: it gets {@link #DOMAIN}'s. */
    static final String OTHER_DOMAIN = "elsewhere.test";
    /** A third domain on the server, which offers no STARTTLS. */
    static final String PLAIN_DOMAIN = "plain.test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final String INSTALL_HINT = "install the Debian package 'prosody' (apt-get install prosody; "
            + ".ci/run installs it on CI): these tests run against a real Prosody server";

    private final Path dir;
    private final Path config;
    private final Path prosody;
    private final int port;
    private Process process;

    private ProsodyServer(Path dir, Path prosody, int port) {
        this.dir = dir;
        this.config = dir.resolve("prosody.cfg.lua");
        this.prosody = prosody;
        this.port = port;
    }

    /**
     * Writes the configuration and the certificate into {@code dir}, registers the accounts
     * (user name to password, on {@value #DOMAIN}), starts Prosody and waits until it accepts
     * connections. Fails the test, saying to install the package, if Prosody is not installed.
     */
    static ProsodyServer start(Path dir, Map<String, String> accounts) throws Exception {
        Path prosody = executable("prosody").orElseGet(() -> fail("Prosody is not installed (no 'prosody' on the PATH): "
                + INSTALL_HINT));
        Path prosodyctl = executable("prosodyctl").orElseGet(() -> fail("Prosody's 'prosodyctl' is not on the PATH: "
                + INSTALL_HINT));
        Path openssl = executable("openssl").orElseGet(() -> fail("'openssl' is not on the PATH: install the Debian "
                + "package 'openssl' (the prosody package depends on it)"));
        ProsodyServer server = new ProsodyServer(dir, prosody, freePort());
        Files.createDirectories(dir.resolve("data"));
        server.run(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + DOMAIN, "-addext", "subjectAltName=DNS:" + DOMAIN,
                "-keyout", server.key().toString(), "-out", server.certificate().toString()));
        Files.writeString(server.config, server.configuration(), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            server.run(List.of(prosodyctl.toString(), "--config", server.config.toString(), "register",
                    account.getKey(), DOMAIN, account.getValue()));
        }
        server.launch();
        return server;
    }

    /** The c2s port on 127.0.0.1. */
    int port() {
        return port;
    }

    /** The server's self-signed certificate, PEM: what a client must trust. */
    Path certificate() {
        return dir.resolve(DOMAIN + ".crt");
    }

    /** Stops Prosody and starts it again on the same port: every client connection is dropped. */
    void restart() throws Exception {
        stop();
        launch();
    }

    /** Stops Prosody: SIGTERM, then a bounded wait, then SIGKILL. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The end of Prosody's log and output, for failure messages. */
    String log() {
        StringBuilder log = new StringBuilder();
        for (Path file : List.of(dir.resolve("prosody.log"), dir.resolve("prosody.out"))) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                log.append("--- ").append(file.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))).append('\n');
            } catch (IOException e) {
                log.append("--- ").append(file.getFileName()).append(": ").append(e).append('\n');
            }
        }
        return log.toString();
    }

    private Path key() {
        return dir.resolve(DOMAIN + ".key");
    }

    private String configuration() {
        return String.join("\n",
                "-- A Prosody for one test class: loopback only, everything in this directory.",
                "-- The tests may run as root (in a container); this server is theirs alone.",
                "run_as_root = true",
                "daemonize = false",
                "pidfile = " + lua(dir.resolve("prosody.pid")),
                "data_path = " + lua(dir.resolve("data")),
                "log = { { levels = { min = \"info\" }, to = \"file\", filename = " + lua(dir.resolve("prosody.log")) + " } }",
                "interfaces = { \"127.0.0.1\" }",
                "c2s_ports = { " + port + " }",
                "-- No server-to-server; no HTTP; presence, message, iq and c2s are always loaded.",
                "modules_disabled = { \"s2s\", \"s2s_auth_certs\", \"offline\" }",
                "modules_enabled = { \"roster\", \"saslauth\", \"tls\", \"disco\", \"ping\" }",
                "authentication = \"internal_plain\"",
                "storage = \"internal\"",
                "certificates = " + lua(dir.resolve("certs")),
                "ssl = { certificate = " + lua(certificate()) + ", key = " + lua(key()) + " }",
                "-- For this test server only: the tests also log in without TLS (security: disabled).",
                "c2s_require_encryption = false",
                "allow_unencrypted_plain_auth = true",
                "VirtualHost \"" + DOMAIN + "\"",
                "VirtualHost \"" + OTHER_DOMAIN + "\"",
                "VirtualHost \"" + PLAIN_DOMAIN + "\"",
                "    modules_disabled = { \"tls\", \"offline\" }",
                "");
    }

    private void launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(prosody.toString(), "--config", config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prosody.out").toFile()));
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            // The bounded pause between two tries is a wait for Prosody to exit, which it does
            // at once when its configuration is wrong.
            if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
                fail("Prosody exited with code " + process.exitValue() + " before it listened on 127.0.0.1:" + port
                        + "\n" + log());
            }
            if (System.nanoTime() - deadline > 0) {
                stop();
                fail("Prosody did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT + "\n" + log());
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(List<String> command) throws Exception {
        Path output = dir.resolve("command.out");
        Process running = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!running.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            running.destroyForcibly();
            fail(command.get(0) + " " + command.get(1) + " did not finish within " + COMMAND_TIMEOUT);
        }
        if (running.exitValue() != 0) {
            fail(String.join(" ", command.subList(0, Math.min(4, command.size()))) + " … failed with code "
                    + running.exitValue() + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Optional<Path> executable(String name) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
        return directories.stream().filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A Lua string literal. */
    private static String lua(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
