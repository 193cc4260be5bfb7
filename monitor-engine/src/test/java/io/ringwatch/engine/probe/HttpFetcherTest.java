package io.ringwatch.engine.probe;

import static io.ringwatch.engine.probe.Results.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MIB = 1 << 20;

    private final LocalHttpServer server = LocalHttpServer.http();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static ServiceResponse.Received received(ServiceResponse response) {
        assertThat(response).isInstanceOf(ServiceResponse.Received.class);
        return (ServiceResponse.Received) response;
    }

    @Test
    void readsNoMoreOfAHugeBodyThanTheCapAndFinishes() {
        server.on("/huge", exchange -> {
            exchange.sendResponseHeaders(200, MIB);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[8192];
                Arrays.fill(block, (byte) 'x');
                for (int sent = 0; sent < MIB; sent += block.length) {
                    out.write(block);
                }
            }
        });
        HttpFetcher fetcher = HttpFetcher.builder().maxBodyBytes(1000).build();

        ServiceResponse.Received answer = received(await(fetcher.fetch(server.url("/huge"), TIMEOUT)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).hasSize(1000).matches("x+");
        assertThat(answer.certificateExpiry()).isEmpty();
    }

    @Test
    void decodesACutBodyLenientlyAsUtf8() {
        server.respond("/euro", 200, "€€€"); // three bytes each
        HttpFetcher fetcher = HttpFetcher.builder().maxBodyBytes(4).build();

        ServiceResponse.Received answer = received(await(fetcher.fetch(server.url("/euro"), TIMEOUT)));

        assertThat(answer.body()).startsWith("€").hasSize(2).endsWith("\uFFFD");
    }

    @Test
    void followsARedirectChainToTheFinalAnswer() {
        server.redirect("/a", 301, "/b").redirect("/b", 302, "/c").redirect("/c", 307, "/d").respond("/d", 200, "landed");

        ServiceResponse.Received answer = received(await(HttpFetcher.create().fetch(server.url("/a"), TIMEOUT)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("landed");
        assertThat(server.requests()).containsExactly("/a", "/b", "/c", "/d");
    }

    @Test
    void aRedirectLoopStopsAtTheLimitAndIsDegradedAsItsStatus() {
        server.redirect("/loop", 302, "/loop");
        HttpFetcher fetcher = HttpFetcher.builder().maxRedirects(3).build();

        ServiceResponse response = await(fetcher.fetch(server.url("/loop"), TIMEOUT));
        ProbeResult result = Expectation.ofDefaults().classify(response, Instant.now());

        assertThat(received(response).statusCode()).isEqualTo(302);
        assertThat(server.requests()).isEqualTo(Collections.nCopies(4, "/loop"));
        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.reason()).startsWith("HTTP 302");
    }

    @Test
    void followsNoRedirectWhenTheLimitIsZero() {
        server.redirect("/moved", 308, "/new").respond("/new", 200, "new");
        HttpFetcher fetcher = HttpFetcher.builder().maxRedirects(0).build();

        assertThat(received(await(fetcher.fetch(server.url("/moved"), TIMEOUT))).statusCode()).isEqualTo(308);
        assertThat(server.requests()).containsExactly("/moved");
    }

    @Test
    void aRedirectWithoutALocationIsTheAnswer() {
        server.on("/nowhere", exchange -> exchange.sendResponseHeaders(303, -1));

        assertThat(received(await(HttpFetcher.create().fetch(server.url("/nowhere"), TIMEOUT))).statusCode()).isEqualTo(303);
    }

    @Test
    void sendsItsUserAgent() {
        server.respond("/health", 200, "ok");

        await(HttpFetcher.create().fetch(server.url("/health"), TIMEOUT));
        await(HttpFetcher.builder().userAgent("acme-monitor/2").build().fetch(server.url("/health"), TIMEOUT));

        assertThat(server.userAgents()).containsExactly(HttpFetcher.DEFAULT_USER_AGENT, "acme-monitor/2");
        assertThat(HttpFetcher.DEFAULT_USER_AGENT).startsWith("Ringwatch/");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheFetchTimeout() {
        server.hang("/slow");

        CompletionStage<ServiceResponse> fetching = HttpFetcher.create().fetch(server.url("/slow"), Duration.ofMillis(200));
        assertThat(fetching.toCompletableFuture()).as("returns at once").isNotDone();
        ServiceResponse response = await(fetching);

        assertThat(response).isInstanceOfSatisfying(ServiceResponse.NotReceived.class, none -> {
            assertThat(none.cause()).isEqualTo(NoAnswer.TIMEOUT);
            assertThat(none.reason()).isEqualTo("timed out (after 200 ms)");
        });
    }

    @Test
    void aRefusedConnectionIsNotReceivedRefused() {
        URI url = URI.create("http://127.0.0.1:" + LocalSockets.closedPort() + "/");

        ServiceResponse response = await(HttpFetcher.create().fetch(url, TIMEOUT));

        assertThat(response).isInstanceOfSatisfying(ServiceResponse.NotReceived.class,
                none -> assertThat(none.cause()).isEqualTo(NoAnswer.REFUSED));
    }

    @Test
    void rejectsANonPositiveTimeoutAndOutOfRangeSettings() {
        HttpFetcher fetcher = HttpFetcher.create();
        assertThatThrownBy(() -> fetcher.fetch(server.url("/"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpFetcher.builder().maxBodyBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpFetcher.builder().maxRedirects(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpFetcher.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpFetcher.builder().userAgent("two\nlines")).isInstanceOf(IllegalArgumentException.class);
    }
}
