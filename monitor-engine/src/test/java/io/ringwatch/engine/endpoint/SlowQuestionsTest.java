package io.ringwatch.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.wire.WireProtocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Questions that take the whole check timeout hold no request thread: liveness still answers at once. */
class SlowQuestionsTest {
    private final StatusEndpoint endpoint = StatusEndpoint.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    private final MonitorEngine engine = TestEngines.started("n1", List.of(
            Member.of("n1", endpoint.uri().toString(), ServiceSpec.probed("stuck", timeout -> new CompletableFuture<>())),
            Member.of("n2", "http://127.0.0.1:1")), null);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        endpoint.close();
        engine.close();
    }

    @Test
    void livenessIsNotQueuedBehindChecksThatHang() throws Exception {
        endpoint.serve(EndpointHandler.builder(engine).secret(TestEngines.SECRET).build());
        HttpRequest hangingCheck = HttpRequest.newBuilder(WireProtocol.resolve(endpoint.uri(), WireProtocol.ASK))
                .header("Authorization", "Bearer " + TestEngines.SECRET)
                .header(WireProtocol.ASKER_HEADER, "n2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"check\",\"target\":\"n1/stuck\"}"))
                .build();
        List<CompletableFuture<HttpResponse<String>>> pending = IntStream.range(0, 12)
                .mapToObj(i -> client.sendAsync(hangingCheck, HttpResponse.BodyHandlers.ofString())).toList();

        HttpResponse<String> live = client.send(HttpRequest.newBuilder(WireProtocol.resolve(endpoint.uri(), WireProtocol.LIVE))
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(pending).noneMatch(CompletableFuture::isDone);
    }
}
