package io.ringwatch.notifiers.pagerduty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.notifiers.pagerduty.PagerDutyNotifierTest.ACCEPTED;
import static io.ringwatch.notifiers.pagerduty.PagerDutyNotifierTest.enqueue;
import static io.ringwatch.testkit.notify.SampleNotifications.SINCE;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleFlapping;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.TargetId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagerDutyDeliveryTest {
    /** The path under which the tests of a timeout post, so that their late requests are told apart. */
    private static final String SLOW = "/slow";
    private static final String KEY = "e93facc04764012d7bfb002500d5d1a6";
    /** The trigger of the sample alert, as PagerDuty's "Send an Alert Event" documents the fields. */
    private static final String TRIGGER = "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\","
            + "\"dedup_key\":\"n3/orders-api@2031-02-03T04:05:06.789Z\",\"client\":\"Ringwatch\","
            + "\"payload\":{\"summary\":\"CRITICAL: orders-api DOWN on node n3\",\"source\":\"n3\",\"severity\":\"critical\","
            + "\"timestamp\":\"2031-02-03T04:05:27.789Z\",\"component\":\"orders-api\",\"class\":\"DOWN\","
            + "\"custom_details\":{\"kind\":\"ALERT\",\"target\":\"n3/orders-api\",\"transition\":\"UP→DOWN\","
            + "\"reason\":\"connection refused\",\"observedBy\":\"n1\",\"since\":\"2031-02-03T04:05:06.789Z\","
            + "\"incidentKey\":\"n3/orders-api@2031-02-03T04:05:06.789Z\","
            + "\"text\":\"CRITICAL: orders-api DOWN on node n3\\nseen by n1: connection refused\\n"
            + "incident n3/orders-api@2031-02-03T04:05:06.789Z\"}}}";
    private static final String RESOLVE = "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"resolve\","
            + "\"dedup_key\":\"n3/orders-api@2031-02-03T04:05:06.789Z\"}";
    /** An acknowledge event, as "Send an Alert Event" documents it: no payload, only the key of the alert. */
    private static final String ACKNOWLEDGE = "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"acknowledge\","
            + "\"dedup_key\":\"n3/orders-api@2031-02-03T04:05:06.789Z\"}";

    @RegisterExtension
    static WireMockExtension pagerDuty = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void triggersAnAlertKeyedByTheIncident() throws Exception {
        pagerDuty.stubFor(enqueue()
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson(TRIGGER))
                .willReturn(accepted()));
        notifier = pagerDuty(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
        assertThat(receivedBody()).isEqualTo(TRIGGER);
    }

    @Test
    void resolvesTheIncidentsAlertOnRecovery() throws Exception {
        pagerDuty.stubFor(enqueue().withRequestBody(equalToJson(RESOLVE)).willReturn(accepted()));
        notifier = pagerDuty(Map.of());

        assertThatCode(() -> notifier.send(sampleRecovery())).doesNotThrowAnyException();
    }

    @Test
    void acknowledgesTheIncidentsAlertWhenSomeoneAcknowledgedTheIncident() throws Exception {
        pagerDuty.stubFor(enqueue().withHeader("Content-Type", equalTo("application/json")).willReturn(accepted()));
        notifier = pagerDuty(Map.of("group", "eu-farm"));

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
        assertThat(receivedBody()).isEqualTo(ACKNOWLEDGE);
    }

    @Test
    void aFlappingTargetIsAWarningOfClassFlappingInTheConfiguredGroup() throws Exception {
        pagerDuty.stubFor(enqueue().withRequestBody(equalToJson("{\"event_action\":\"trigger\","
                + "\"payload\":{\"severity\":\"warning\",\"class\":\"FLAPPING\",\"group\":\"eu-farm\"}}", false, true))
                .willReturn(accepted()));
        notifier = pagerDuty(Map.of("group", "eu-farm"));

        assertThatCode(() -> notifier.send(sampleFlapping())).doesNotThrowAnyException();
    }

    @Test
    void aNodeHasNoComponent() throws Exception {
        TargetId node = TargetId.node(NodeId.of("n3"));
        pagerDuty.stubFor(post(anyUrl()).willReturn(accepted()));
        notifier = pagerDuty(Map.of());

        notifier.send(sampleAlert().toBuilder().target(node).incidentKey(node + "@" + SINCE).build());

        JsonNode payload = new ObjectMapper().readTree(receivedBody()).path("payload");
        assertThat(payload.path("source").asText()).isEqualTo("n3");
        assertThat(payload.has("component")).isFalse();
        assertThat(payload.path("summary").asText()).isEqualTo("CRITICAL: node n3 DOWN");
    }

    @Test
    void aDedupKeyLongerThanPagerDutyAllowsIsShortenedTheSameWayEveryTime() throws Exception {
        String longKey = "n3/orders-api@" + "x".repeat(300);
        Notification alert = sampleAlert().toBuilder().incidentKey(longKey).build();
        pagerDuty.stubFor(post(anyUrl()).willReturn(accepted()));
        notifier = pagerDuty(Map.of());

        notifier.send(alert);
        notifier.send(alert.toBuilder().kind(NotificationKind.ACKNOWLEDGED).build());
        notifier.send(alert.toBuilder().kind(NotificationKind.RECOVERY).build());

        String triggered = new ObjectMapper().readTree(body(0)).path("dedup_key").asText();
        String acknowledged = new ObjectMapper().readTree(body(1)).path("dedup_key").asText();
        String resolved = new ObjectMapper().readTree(body(2)).path("dedup_key").asText();
        assertThat(triggered).hasSize(255).startsWith("n3/orders-api@xxx").matches(".*#[0-9a-f]{64}")
                .isEqualTo(acknowledged).isEqualTo(resolved);
    }

    @Test
    void aRefusedEventIsAFailureNamingWhatPagerDutySaid() {
        pagerDuty.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                        + "\"errors\":[\"'payload.summary' is missing or blank\",\"routing_key " + KEY + " unknown\"]}")));
        notifier = pagerDuty(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'pager': PagerDuty refused the event (HTTP 400): Event object is invalid: "
                        + "'payload.summary' is missing or blank; routing_key … unknown");
    }

    @Test
    void beingRateLimitedIsAFailureThatSaysSo() {
        pagerDuty.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)));
        notifier = pagerDuty(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'pager': PagerDuty is rate limiting this integration (HTTP 429); the event was not accepted");
    }

    @Test
    void anAcceptedAnswerWithoutStatusSuccessIsAFailure() {
        pagerDuty.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202).withBody("<html>proxy</html>")));
        notifier = pagerDuty(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'pager': PagerDuty answered HTTP 202 without status success");
    }

    @Test
    void aServerErrorIsAFailureNamingTheStatus() {
        pagerDuty.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("{\"message\":\"" + KEY + "\"}")));
        notifier = pagerDuty(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'pager': PagerDuty answered HTTP 503");
    }

    @Test
    void pagerDutyNotAnsweringIsAFailureAfterTheTimeout() {
        pagerDuty.stubFor(post(anyUrl()).willReturn(accepted().withFixedDelay(30_000)));
        notifier = pagerDuty(Map.of("timeout", "300ms", "api-url", pagerDuty.baseUrl() + SLOW));

        assertTimesOut(notifier, "channel 'pager': PagerDuty did not answer within 300 ms");
    }

    @Test
    void pagerDutyNotListeningIsAFailureWithoutTheKey() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        notifier = new PagerDutyNotifierProvider().create(NotifierSettings.of("pager",
                Map.of("routing-key", KEY, "api-url", "http://127.0.0.1:" + closedPort)));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'pager': could not reach PagerDuty: ConnectException")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(KEY));
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = pagerDuty(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'pager' is closed");
        assertThat(received()).isEmpty();
    }

    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody(ACCEPTED);
    }

    private Notifier pagerDuty(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("routing-key", KEY);
        settings.putIfAbsent("api-url", pagerDuty.baseUrl() + "/");
        return new PagerDutyNotifierProvider().create(NotifierSettings.of("pager", settings));
    }

    private static String receivedBody() {
        assertThat(received()).as("requests received").hasSize(1);
        return body(0);
    }

    /** The body of the {@code index}th request, oldest first. */
    private static String body(int index) {
        return received().get(index).getBodyAsString();
    }

    /**
     * The requests to {@code /v2/enqueue}, oldest first. A request that timed out under {@link #SLOW}
     * may be logged long after its test, so it is left out.
     */
    private static List<LoggedRequest> received() {
        return pagerDuty.findAll(postRequestedFor(urlEqualTo("/v2/enqueue")));
    }
}
