package io.ringwatch.notifiers.alertmanager;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Debian {@code prometheus-alertmanager}, started by the test as a process of its own on
 * 127.0.0.1 and a free port, with clustering off, its storage in a temporary directory, a
 * configuration whose only receiver does nothing, and basic authentication. Not thread-safe.
 */
final class RealAlertmanager implements AutoCloseable {
    static final String USER = "ringwatch";
    static final String PASSWORD = "am-live-pa55-81d2";
    /** bcrypt of {@link #PASSWORD}, as Alertmanager's web configuration wants it. */
    private static final String PASSWORD_HASH = "$2b$04$1ENJjQt5EuJWoWDgg93mPuSXLqIDuzmc81rplmbO2lCULCHjso4mS";
    private static final List<String> BINARIES = List.of("prometheus-alertmanager", "alertmanager");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private RealAlertmanager(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts Alertmanager in {@code directory} and waits until {@code /-/ready} answers 200.
     *
     * @throws AssertionError if the binary is not installed, or it does not get ready in 30 s
     */
    static RealAlertmanager start(Path directory) throws IOException, InterruptedException {
        Path binary = binary().orElseGet(() -> fail("prometheus-alertmanager is not installed: install it "
                + "(sudo apt-get install prometheus-alertmanager; .ci/run installs it in CI) to run the Alertmanager tests"));
        Path config = Files.writeString(directory.resolve("alertmanager.yml"), """
                route:
                  receiver: nobody
                receivers:
                  - name: nobody
                """);
        Path web = Files.writeString(directory.resolve("web.yml"), "basic_auth_users:\n  " + USER + ": " + PASSWORD_HASH + "\n");
        Path storage = Files.createDirectories(directory.resolve("data"));
        Path log = directory.resolve("alertmanager.log");
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--storage.path=" + storage,
                "--config.file=" + config,
                "--web.config.file=" + web)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealAlertmanager alertmanager = new RealAlertmanager(process, log, port);
        try {
            alertmanager.awaitReady();
        } catch (Throwable e) {
            alertmanager.close();
            throw e;
        }
        return alertmanager;
    }

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code GET /api/v2/alerts}: the alerts Alertmanager holds and has not seen resolved. */
    JsonNode alerts() throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/api/v2/alerts");
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /api/v2/alerts answered " + answer.statusCode() + ": " + answer.body());
        }
        return new ObjectMapper().readTree(answer.body());
    }

    /** Stops the process: politely, then, after 5 s, by force. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYetListening) {
                // it is still starting
            }
            // The pause between tries is a bounded wait for the process: it ends early if Alertmanager dies.
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Alertmanager exited with " + process.exitValue() + " while starting:\n" + log());
            }
        }
        throw new AssertionError("Alertmanager was not ready within " + START_LIMIT + ":\n" + log());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String login = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + login).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }

    private static Optional<Path> binary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> BINARIES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
