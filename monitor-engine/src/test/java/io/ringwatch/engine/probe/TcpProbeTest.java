package io.ringwatch.engine.probe;

import static io.ringwatch.engine.probe.Results.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcpProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aListeningPortIsUpConnected() throws Exception {
        try (ServerSocket listening = LocalSockets.listening()) {
            ProbeResult result = await(TcpProbe.of("127.0.0.1", listening.getLocalPort()).check(TIMEOUT));

            assertThat(result.status()).isEqualTo(Status.UP);
            assertThat(result.reason()).isEqualTo("connected");
            assertThat(result.latency()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void aHostNameIsResolvedOffTheCallersThread() throws Exception {
        try (ServerSocket listening = LocalSockets.listening()) {
            ProbeResult result = await(TcpProbe.of("localhost", listening.getLocalPort()).check(TIMEOUT));

            assertThat(result.status()).isEqualTo(Status.UP);
        }
    }

    @Test
    void aClosedPortIsDownRefused() {
        ProbeResult result = await(TcpProbe.of("127.0.0.1", LocalSockets.closedPort()).check(TIMEOUT));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    @Test
    void aPortWhoseBacklogIsFullIsDownTimedOut() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket neverAccepting = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            boolean full = false;
            for (int i = 0; i < 10 && !full; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(LocalSockets.loopback(neverAccepting.getLocalPort()), 200);
                    queued.add(socket);
                } catch (SocketTimeoutException backlogFull) {
                    socket.close();
                    full = true;
                }
            }
            assumeTrue(full, "this system kept accepting connections into a backlog of 1");

            ProbeResult result = await(TcpProbe.of("127.0.0.1", neverAccepting.getLocalPort()).check(Duration.ofMillis(300)));

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.reason()).isEqualTo("timed out (after 300 ms)");
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    void aHostThatDoesNotResolveIsDownNotFound() {
        ProbeResult result = await(TcpProbe.of("no-such-host.invalid", 5432).check(TIMEOUT));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("host not found (no-such-host.invalid)");
    }

    @Test
    void parsesHostAndPortAndBracketedIpv6() {
        assertThat(TcpProbe.parse("db.internal:5432")).hasToString("TcpProbe[db.internal:5432]");
        assertThat(TcpProbe.parse("127.0.0.1:80")).hasToString("TcpProbe[127.0.0.1:80]");
        assertThat(TcpProbe.parse("[::1]:6379")).hasToString("TcpProbe[[::1]:6379]");
        assertThat(TcpProbe.of("::1", 6379)).hasToString("TcpProbe[[::1]:6379]");
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "db.internal        | has no port",
            "db.internal:       | has no valid port",
            "db.internal:pg     | has no valid port",
            "db.internal:0      | port must be within 1 to 65535",
            "db.internal:65536  | port must be within 1 to 65535",
            "db.internal:999999 | has no valid port",
            ":5432              | has no host",
            "::1:5432           | put it in brackets",
            "[::1:5432          | without closing it",
            "[::1]5432          | has no port after ']'",
            "[]:5432            | has no host",
    })
    void rejectsWhatIsNotHostAndPortSayingWhy(String text, String problem) {
        assertThatThrownBy(() -> TcpProbe.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void rejectsABlankHostAndANonPositiveTimeout() {
        assertThatThrownBy(() -> TcpProbe.of(" ", 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpProbe.of("db", 80).check(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
