package io.ringwatch.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.statuspage.NodeSummary;
import io.ringwatch.engine.statuspage.StatusPage;
import io.ringwatch.engine.statuspage.SummaryJson;
import io.ringwatch.engine.statuspage.UptimeHistory;
import io.ringwatch.engine.wire.WireProtocol;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
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

    @Test
    void theStatusPageGoesGzippedToBrowsersThatTakeIt() throws Exception {
        StatusPage page = StatusPage.builder(engine, UptimeHistory.create()).title("Acme status").build();
        EndpointHandler withPage = EndpointHandler.builder(engine).secret(TestEngines.SECRET).statusPage(page).build();

        EndpointResponse plain = withPage.handle(EndpointRequest.get(WireProtocol.PAGE));
        EndpointResponse gzipped = withPage.handle(new EndpointRequest("GET", WireProtocol.PAGE, null, null, new byte[0], "",
                Map.of("Accept-encoding", "gzip, deflate, br")));

        EndpointResponse refusing = withPage.handle(new EndpointRequest("GET", WireProtocol.PAGE, null, null, new byte[0], "",
                Map.of("Accept-Encoding", "gzip;q=0, identity")));
        assertThat(refusing.headers()).as("gzip;q=0 refuses gzip").doesNotContainKey("Content-Encoding");
        assertThat(plain.headers()).doesNotContainKey("Content-Encoding").containsEntry("Vary", "Accept-Encoding");
        assertThat(gzipped.headers()).containsEntry("Content-Encoding", "gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.text());
        }
    }

    @Test
    void aNodeWithoutAPageOfItsOwnStillTellsOtherPagesWhatItSees() {
        StatusPage page = StatusPage.builder(engine, UptimeHistory.create()).build();
        EndpointHandler summariesOnly = EndpointHandler.builder(engine).secret(TestEngines.SECRET).summariesOnly(page).build();

        assertThat(summariesOnly.handle(EndpointRequest.get(WireProtocol.PAGE)).status()).isEqualTo(404);
        EndpointResponse summary = summariesOnly.handle(new EndpointRequest("GET", WireProtocol.SUMMARY, BEARER, "n2", new byte[0]));
        assertThat(summary.status()).isEqualTo(200);
        assertThat(SummaryJson.decode(summary.text()).node()).isEqualTo(NodeId.of("n1"));
    }

    @Test
    void theStatusPageIsOpenHtmlWhoseOnlyScriptItsPolicyAllows() throws Exception {
        StatusPage page = StatusPage.builder(engine, UptimeHistory.create()).title("Acme status").build();
        EndpointHandler withPage = EndpointHandler.builder(engine).secret(TestEngines.SECRET).statusPage(page).build();

        EndpointResponse response = withPage.handle(EndpointRequest.get(WireProtocol.PAGE));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(response.headers()).containsEntry("Content-Security-Policy", page.contentSecurityPolicy())
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Cache-Control", "no-store");
        assertThat(response.text()).startsWith("<!DOCTYPE html>").contains("<h1>Acme status</h1>", "data-target=\"n1/api\"")
                .doesNotContain("127.0.0.1", TestEngines.SECRET);
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(response.text());
        assertThat(script.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(page.contentSecurityPolicy()).contains("script-src 'sha256-" + hash + "'", "default-src 'none'");
        assertThat(script.find()).as("a second script").isFalse();
    }

    @Test
    void withoutAStatusPageThereIsNothingAtTheRoot() {
        assertThat(handler.handle(EndpointRequest.get(WireProtocol.PAGE)).status()).isEqualTo(404);
        assertThat(handler.handle(new EndpointRequest("GET", WireProtocol.SUMMARY, BEARER, null, new byte[0])).status())
                .isEqualTo(404);
    }

    @Test
    void theSummaryNeedsTheSecretAndIsWhatTheNodeKnows() {
        UptimeHistory history = UptimeHistory.create();
        TargetId n2 = TargetId.node(NodeId.of("n2"));
        Instant downAt = Instant.now().minus(Duration.ofHours(2));
        history.record(Event.builder(EventKind.STATE_CHANGED).at(downAt).observer(NodeId.of("n1")).target(n2)
                .status(Status.DOWN).previous(Status.UP).message("n2 DOWN").build());
        StatusPage page = StatusPage.builder(engine, history).build();
        EndpointHandler withPage = EndpointHandler.builder(engine).secret(TestEngines.SECRET).statusPage(page).build();

        EndpointResponse refused = withPage.handle(EndpointRequest.get(WireProtocol.SUMMARY));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).isEqualTo("{\"error\":\"unauthorized\"}");

        EndpointResponse response = withPage.handle(new EndpointRequest("GET", WireProtocol.SUMMARY, BEARER, "n2", new byte[0]));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        NodeSummary summary = SummaryJson.decode(response.text());
        assertThat(summary.node()).isEqualTo(NodeId.of("n1"));
        assertThat(summary.watching()).containsExactly(NodeId.of("n2"));
        assertThat(summary.target(n2).orElseThrow().period().incidents()).singleElement()
                .satisfies(incident -> assertThat(incident.start()).isEqualTo(downAt));
        NodeSummary known = page.summary();
        assertThat(summary.target(n2).orElseThrow().period()).as("the period's figures, exactly")
                .isEqualTo(known.target(n2).orElseThrow().period());
        assertThat(summary.target(n2).orElseThrow().days()).as("the day bars, to the millisecond")
                .extracting(day -> day.day(), day -> day.figures().down().toMillis(), day -> day.figures().unknown().toMillis())
                .containsExactlyElementsOf(known.target(n2).orElseThrow().days().stream().map(day -> tuple(day.day(), day.figures().down().toMillis(), day.figures().unknown().toMillis())).toList());
    }
}
