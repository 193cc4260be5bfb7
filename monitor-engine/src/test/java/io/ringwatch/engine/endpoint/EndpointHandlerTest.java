package io.ringwatch.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ringwatch.api.Status;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.wire.WireProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointHandlerTest {
    private static final String BEARER = "Bearer " + TestEngines.SECRET;
    private static final byte[] REPORT_ON_N1 = "{\"question\":\"report\",\"target\":\"n1\"}".getBytes(StandardCharsets.UTF_8);

    private final MonitorEngine engine = TestEngines.started("n1",
            TestEngines.members("http://127.0.0.1:1", "http://127.0.0.1:2"), null);
    private final EndpointHandler handler = EndpointHandler.builder(engine).secret(TestEngines.SECRET).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void livenessIsOpenAndTellsOnlyTheNodesHealth() {
        EndpointResponse response = handler.handle(EndpointRequest.get(WireProtocol.LIVE));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"node\":\"n1\",\"health\":\"UP\",\"reason\":\"\"}");
    }

    @Test
    void onlyPeersAreToldWhyANodeDistrustsItself() {
        MonitorEngine suspicious = TestEngines.startedWithFailingControlTarget("n1",
                TestEngines.members("http://127.0.0.1:1", "http://127.0.0.1:2"));
        try {
            EndpointHandler endpoint = EndpointHandler.builder(suspicious).secret(TestEngines.SECRET).build();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> suspicious.view().health() == Status.DEGRADED);

            assertThat(endpoint.handle(EndpointRequest.get(WireProtocol.LIVE)).text())
                    .isEqualTo("{\"node\":\"n1\",\"health\":\"DEGRADED\",\"reason\":\"\"}");
            assertThat(endpoint.handle(new EndpointRequest("GET", WireProtocol.LIVE, BEARER, "n2", new byte[0])).text())
                    .contains("\"health\":\"DEGRADED\"", "control target");
        } finally {
            suspicious.close();
        }
    }

    @Test
    void peerQuestionsWithoutTheSecretAreRefusedAndNothingLeaks() {
        for (String authorization : new String[] {null, "Bearer wrong-secret-of-some-length", TestEngines.SECRET, "Basic abc"}) {
            EndpointResponse response = handler.handle(new EndpointRequest("POST", WireProtocol.ASK, authorization, "n2", REPORT_ON_N1));

            assertThat(response.status()).as("authorization %s", authorization).isEqualTo(401);
            assertThat(response.text()).isEqualTo("{\"error\":\"unauthorized\"}");
            assertThat(response.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"ringwatch\"");
        }
    }

    @Test
    void theStatusNeedsTheSecretToo() {
        EndpointResponse refused = handler.handle(EndpointRequest.get(WireProtocol.STATUS));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).doesNotContain("n2", "api");

        EndpointResponse status = handler.handle(new EndpointRequest("GET", WireProtocol.STATUS, BEARER, null, new byte[0]));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text()).contains("\"node\":\"n1\"", "\"watching\":[\"n2\"]", "\"target\":\"n2\"",
                "\"service\":\"api\"", "\"status\":\"UP\"");
    }

    @Test
    void aQuestionWithTheSecretIsAnswered() {
        EndpointResponse response = handler.handle(new EndpointRequest("POST", WireProtocol.ASK, BEARER, "n2", REPORT_ON_N1));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).startsWith("{\"answer\":\"reported\",\"report\":{\"target\":\"n1\"");
    }

    @Test
    void anAskerThatIsNotAMemberIsRefused() {
        assertThat(handler.handle(new EndpointRequest("POST", WireProtocol.ASK, BEARER, "n9", REPORT_ON_N1)).status()).isEqualTo(403);
        assertThat(handler.handle(new EndpointRequest("POST", WireProtocol.ASK, BEARER, null, REPORT_ON_N1)).status()).isEqualTo(403);
    }

    @Test
    void aMalformedQuestionIsABadRequestThatSaysWhy() {
        EndpointResponse response = handler.handle(new EndpointRequest("POST", WireProtocol.ASK, BEARER, "n2",
                "{\"question\":\"reboot\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("unknown question 'reboot'");
    }

    @Test
    void wrongMethodsAndUnknownPathsAreRefused() {
        EndpointResponse wrongMethod = handler.handle(new EndpointRequest("GET", WireProtocol.ASK, BEARER, "n2", new byte[0]));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers()).containsEntry("Allow", "POST");
        assertThat(handler.handle(EndpointRequest.get("/admin")).status()).isEqualTo(404);
    }

    @Test
    void metricsAreOpenUnlessTheyNeedTheSecret() {
        EndpointResponse metrics = handler.handle(EndpointRequest.get(WireProtocol.METRICS));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.text()).contains("ringwatch_up{node=\"n1\"} 1", "# TYPE ringwatch_check_latency_seconds histogram");

        EndpointHandler guarded = EndpointHandler.builder(engine).secret(TestEngines.SECRET).metricsNeedSecret(true).build();
        assertThat(guarded.handle(EndpointRequest.get(WireProtocol.METRICS)).status()).isEqualTo(401);
    }

    @Test
    void aStoppedEngineIsNotLive() {
        engine.close();

        assertThat(handler.handle(EndpointRequest.get(WireProtocol.LIVE)).status()).isEqualTo(503);
    }

    @Test
    void aHandlerNeedsASecretOrToBeToldItRunsInsecure() {
        assertThatThrownBy(() -> EndpointHandler.builder(engine).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret(...)");
        EndpointHandler open = EndpointHandler.builder(engine).insecure().build();
        assertThat(open.handle(new EndpointRequest("POST", WireProtocol.ASK, null, "n2", REPORT_ON_N1)).status()).isEqualTo(200);
        assertThat(open.toString()).contains("insecure");
        assertThat(handler.toString()).doesNotContain(TestEngines.SECRET);
    }
}
