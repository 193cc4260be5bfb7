package io.ringwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ConfigFile;
import io.ringwatch.agent.node.AgentNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ringwatch status} against a node running in this JVM on loopback. */
class StatusCommandTest {
    private static final String SECRET = "status-test-secret-0123456789";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsWhatTheRunningNodeSees(@TempDir Path directory) throws IOException {
        Path file = writeConfig(directory, SECRET);
        try (AgentNode node = AgentNode.start(load(file, SECRET))) {
            int exit = run("--config", file.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("n1 at http://127.0.0.1:" + node.endpointAddress().getPort() + ": UP, trusts its own view")
                    .contains("Ring: n1 n2; watching n2")
                    .containsPattern("TARGET +STATUS +SINCE +LAST REASON")
                    .containsPattern("\\nn2 +UNKNOWN|\\nn2 +DOWN");
        }
    }

    @Test
    void saysSoWhenTheNodeRefusesTheSecret(@TempDir Path directory) throws IOException {
        Path file = writeConfig(directory, SECRET);
        try (AgentNode node = AgentNode.start(load(file, SECRET))) {
            Path other = writeConfig(directory.resolve("other"), "another-secret-0123456789", node.endpointAddress().getPort());

            int exit = run("--config", other.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("refused the secret (401)").doesNotContain(SECRET, "another-secret");
        }
    }

    @Test
    void saysSoWhenNoNodeAnswers() throws IOException {
        int exit = run("--endpoint", "http://127.0.0.1:" + closedPort());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("connection refused");
    }

    private int run(String... args) {
        CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(prepend("status", args));
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static AgentConfig load(Path file, String secret) {
        return ConfigFile.load(file, Map.of("RINGWATCH_SECRET", secret));
    }

    /** n1 on a free loopback port, watching n2, which nothing serves. */
    private static Path writeConfig(Path directory, String secret) throws IOException {
        return writeConfig(directory, secret, closedPort());
    }

    private static Path writeConfig(Path directory, String secret, int port) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve("ringwatch.yaml"), """
                node: n1
                listen: { address: 127.0.0.1, port: %d }
                secret: "%s"
                members:
                  - id: n1
                    endpoint: http://127.0.0.1:%d
                    services: []
                  - id: n2
                    endpoint: http://127.0.0.1:%d
                event-log:
                  path: %s
                """.formatted(port, secret, port, closedPort(), directory.resolve("events.jsonl")));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
