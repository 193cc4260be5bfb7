package io.ringwatch.engine.probe;

import static io.ringwatch.engine.probe.Results.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import io.ringwatch.engine.check.Expectation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-02-28T23:59:59.999Z"), ZoneOffset.UTC);

    private final HttpFetcher fetcher = HttpFetcher.create();
    private final LocalHttpServer server = LocalHttpServer.http();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ProbeResult check(URI url, Expectation expectation, Duration timeout) {
        return await(HttpProbe.of(url, expectation, fetcher, CLOCK).check(timeout));
    }

    @Test
    void aServiceAnswering200IsUp() {
        server.respond("/health", 200, "{\"status\":\"UP\"}");

        ProbeResult result = check(server.url("/health"), Expectation.custom().healthStatusUp().build(), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.reason()).isEqualTo("HTTP 200");
        assertThat(result.latency()).isPositive().isLessThan(TIMEOUT);
    }

    @Test
    void aServiceAnswering503IsDegraded() {
        server.respond("/health", 503, "busy");

        ProbeResult result = check(server.url("/health"), Expectation.ofDefaults(), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.reason()).startsWith("HTTP 503");
    }

    @Test
    void aBodyWithoutTheExpectedTextIsDegraded() {
        server.respond("/health", 200, "{\"status\":\"DOWN\"}");

        ProbeResult result = check(server.url("/health"), Expectation.custom().healthStatusUp().build(), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.reason()).isEqualTo("status is 'DOWN', expected 'UP'");
    }

    @Test
    void aServiceThatNeverAnswersIsDownAtTheTimeout() {
        server.hang("/health");
        Duration timeout = Duration.ofMillis(300);

        ProbeResult result = check(server.url("/health"), Expectation.ofDefaults(), timeout);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("timed out (after 300 ms)");
        assertThat(result.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(TIMEOUT);
    }

    @Test
    void aPortNobodyListensOnIsDownRefused() {
        URI url = URI.create("http://127.0.0.1:" + LocalSockets.closedPort() + "/health");

        ProbeResult result = check(url, Expectation.ofDefaults(), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    @Test
    void aHostThatDoesNotResolveIsDownNotFound() {
        ProbeResult result = check(URI.create("http://no-such-host.invalid/health"), Expectation.ofDefaults(), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("host not found (no-such-host.invalid)");
    }

    @ParameterizedTest(name = "closed with a reset: {0}")
    @ValueSource(booleans = {true, false})
    void aConnectionClosedBeforeAnyAnswerIsDownReset(boolean reset) throws Exception {
        try (LocalSockets.Closing closing = new LocalSockets.Closing(reset)) {
            URI url = URI.create("http://127.0.0.1:" + closing.port() + "/health");

            ProbeResult result = check(url, Expectation.ofDefaults(), TIMEOUT);

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.reason()).isEqualTo("connection reset");
        }
    }

    @Test
    void neitherTheReasonNorToStringShowsUserInfoOrQuery() {
        URI url = URI.create("http://user:secret@127.0.0.1:" + LocalSockets.closedPort() + "/x?token=abc");
        HttpProbe probe = HttpProbe.of(url, Expectation.ofDefaults(), fetcher, CLOCK);

        ProbeResult result = await(probe.check(TIMEOUT));

        assertThat(result.reason()).isEqualTo("connection refused").doesNotContain("secret").doesNotContain("abc");
        assertThat(probe.toString()).startsWith("HttpProbe[GET http://127.0.0.1:").endsWith("/x]")
                .doesNotContain("secret").doesNotContain("user").doesNotContain("abc");
    }

    @Test
    void rejectsAUrlItCannotFetchWithoutShowingItsSecrets() {
        assertThatThrownBy(() -> HttpProbe.of(URI.create("ftp://user:secret@files.example/x?token=abc"),
                Expectation.ofDefaults(), fetcher, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL must be http or https: ftp://files.example/x");
        assertThatThrownBy(() -> HttpProbe.of(URI.create("/relative/health"), Expectation.ofDefaults(), fetcher, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
