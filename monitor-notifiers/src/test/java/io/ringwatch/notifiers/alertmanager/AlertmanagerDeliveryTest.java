package io.ringwatch.notifiers.alertmanager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.SINCE;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleEscalation;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleFlapping;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleReminder;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The requests of the Alertmanager channel, checked against API v2's {@code POST /api/v2/alerts}, and its failures. */
class AlertmanagerDeliveryTest {
    private static final Instant NOW = Instant.parse("2031-02-03T04:05:28Z");
    private static final String ALERTS = "/api/v2/alerts";
    private static final String TOKEN = "am-bearer-7c1d9";
    private static final String ALERT_BODY = """
            [{"labels":{"alertname":"RingwatchTargetDown","node":"n3","service":"orders-api","severity":"critical",
                        "incident":"n3/orders-api@2031-02-03T04:05:06.789Z"},
              "annotations":{"summary":"CRITICAL: orders-api DOWN on node n3",
                             "description":"CRITICAL: orders-api DOWN on node n3\\nseen by n1: connection refused\\nincident n3/orders-api@2031-02-03T04:05:06.789Z",
                             "reason":"connection refused","observer":"n1"},
              "startsAt":"2031-02-03T04:05:06.789Z","endsAt":"2031-02-04T04:05:28Z"}]""";

    @RegisterExtension
    static WireMockExtension alertmanager = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsAnAlertWithLabelsThatIdentifyTheIncidentAndAnnotationsThatTellIt() throws Exception {
        alertmanager.stubFor(post(urlEqualTo(ALERTS))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson(ALERT_BODY))
                .willReturn(ok()));
        notifier = alertmanager(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void givesTheAlertItsReminderAndItsEscalationTheSameLabelsSoAlertmanagerKeepsOneAlert() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());

        for (Notification sent : new Notification[] {sampleAlert(), sampleReminder(), sampleEscalation()}) {
            notifier.send(sent);
        }

        assertThat(alertmanager.getAllServeEvents()).hasSize(3)
                .extracting(event -> body(event.getRequest().getBody()).get(0).get("labels"))
                .containsOnly(body(ALERT_BODY.getBytes(UTF_8)).get(0).get("labels"));
    }

    @Test
    void keepsTheAlertActiveForTheResolveTimeoutFromEachReminder() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of("resolve-timeout", "90m"));

        notifier.send(sampleReminder());

        JsonNode alert = onlyBody().get(0);
        assertThat(alert.get("startsAt").asText()).isEqualTo(SINCE.toString());
        assertThat(alert.get("endsAt").asText()).isEqualTo("2031-02-03T05:35:28Z");
        assertThat(alert.get("annotations").get("summary").asText()).startsWith("CRITICAL: still orders-api DOWN");
    }

    @Test
    void anAcknowledgementPostsTheIncidentsAlertAgainStillFiringWithWhoAcknowledgedIt() throws Exception {
        alertmanager.stubFor(post(urlEqualTo(ALERTS))
                .withRequestBody(equalToJson("""
                        [{"labels":{"alertname":"RingwatchTargetDown","node":"n3","service":"orders-api","severity":"critical",
                                    "incident":"n3/orders-api@2031-02-03T04:05:06.789Z"},
                          "annotations":{"summary":"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z",
                                         "description":"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\\nacknowledged by alice: Ok, I got this one\\nincident n3/orders-api@2031-02-03T04:05:06.789Z",
                                         "reason":"acknowledged by alice: Ok, I got this one","observer":"n1",
                                         "acknowledged":"acknowledged by alice: Ok, I got this one"},
                          "startsAt":"2031-02-03T04:05:06.789Z","endsAt":"2031-02-04T04:05:28Z"}]"""))
                .willReturn(ok()));
        notifier = alertmanager(Map.of());

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
        assertThat(onlyBody().get(0).get("labels")).isEqualTo(body(ALERT_BODY.getBytes(UTF_8)).get(0).get("labels"));
    }

    @Test
    void onlyAnAcknowledgementCarriesTheAcknowledgedAnnotation() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());

        for (Notification sent : new Notification[] {sampleAlert(), sampleReminder(), sampleEscalation(), sampleFlapping(), sampleNotice()}) {
            notifier.send(sent);
        }
        notifier.send(sampleRecovery().toBuilder().at(NOW).since(NOW.minusSeconds(20)).build());

        assertThat(alertmanager.getAllServeEvents()).hasSize(6)
                .allSatisfy(event -> assertThat(body(event.getRequest().getBody()).findValues("acknowledged")).isEmpty());
    }

    @Test
    void aRecoveryEndsNowAndResolvesWhicheverAlertOfTheIncidentFired() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());

        notifier.send(sampleRecovery().toBuilder().at(NOW).since(NOW.minusSeconds(20)).build());

        JsonNode alerts = onlyBody();
        assertThat(alerts).hasSize(3);
        assertThat(alerts.findValuesAsText("alertname"))
                .containsExactly("RingwatchTargetDown", "RingwatchTargetDegraded", "RingwatchTargetFlapping");
        assertThat(alerts.findValuesAsText("severity")).containsExactly("critical", "warning", "warning");
        assertThat(alerts.findValuesAsText("incident")).containsOnly(sampleAlert().incidentKey());
        assertThat(alerts.findValuesAsText("endsAt")).containsOnly(NOW.toString());
        assertThat(alerts.findValuesAsText("startsAt")).containsOnly(NOW.minusSeconds(20).toString());
        assertThat(alerts.findValuesAsText("summary")).containsOnly("INFORMATION: orders-api UP on node n3");
    }

    @Test
    void aRecoveryThatSeemsToComeFromTheFutureStillStartsBeforeItEnds() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());

        notifier.send(sampleRecovery()); // since 04:47:06, after the clock's 04:05:28

        assertThat(onlyBody().findValuesAsText("startsAt")).containsOnly(NOW.toString());
        assertThat(onlyBody().findValuesAsText("endsAt")).containsOnly(NOW.toString());
    }

    @Test
    void aFlappingTargetIsAWarningOfItsOwnName() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());

        notifier.send(sampleFlapping());

        JsonNode labels = onlyBody().get(0).get("labels");
        assertThat(labels.get("alertname").asText()).isEqualTo("RingwatchTargetFlapping");
        assertThat(labels.get("severity").asText()).isEqualTo("warning");
    }

    @Test
    void aNoticeHasNoEndSoThatAlertmanagersOwnResolveTimeoutEndsIt() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());

        notifier.send(sampleNotice());

        JsonNode alert = onlyBody().get(0);
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("RingwatchNotice");
        assertThat(alert.get("labels").get("node").asText()).isEqualTo("n1");
        assertThat(alert.has("endsAt")).isFalse();
        assertThat(alert.get("startsAt").asText()).isEqualTo(SINCE.toString());
    }

    @Test
    void aNoticeFromAClockAheadStartsNowOrAlertmanagerWouldEndItBeforeItStarts() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());

        notifier.send(sampleNotice().toBuilder().since(NOW.plusSeconds(600)).build());

        assertThat(onlyBody().get(0).get("startsAt").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void aDegradedServiceIsAWarningAndANodeHasNoServiceLabel() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of());
        TargetId node = TargetId.node(NodeId.of("n3"));

        notifier.send(sampleAlert().toBuilder().target(node).incidentKey(node + "@" + SINCE).current(Status.DEGRADED)
                .severity(null).build());

        JsonNode labels = onlyBody().get(0).get("labels");
        assertThat(labels.get("alertname").asText()).isEqualTo("RingwatchTargetDegraded");
        assertThat(labels.get("severity").asText()).isEqualTo("warning");
        assertThat(labels.has("service")).isFalse();
    }

    @Test
    void sendsTheGeneratorUrlWhenOneIsSet() throws Exception {
        alertmanager.stubFor(post(ALERTS).willReturn(ok()));
        notifier = alertmanager(Map.of("generator-url", "https://status.example.com/ringwatch"));

        notifier.send(sampleAlert());

        assertThat(onlyBody().get(0).get("generatorURL").asText()).isEqualTo("https://status.example.com/ringwatch");
    }

    @Test
    void authenticatesWithABearerToken() {
        alertmanager.stubFor(post(ALERTS).withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(ok()));
        notifier = alertmanager(Map.of("token", TOKEN));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void authenticatesWithUserAndPassword() {
        alertmanager.stubFor(post(ALERTS).withBasicAuth("ringwatch", "pa55:w0rd").willReturn(ok()));
        notifier = alertmanager(Map.of("username", "ringwatch", "password", "pa55:w0rd"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void postsUnderThePathPrefixOfAnAlertmanagerBehindAProxy() {
        alertmanager.stubFor(post(urlEqualTo("/monitoring/alertmanager" + ALERTS)).willReturn(ok()));
        notifier = alertmanager(Map.of("url", alertmanager.baseUrl() + "/monitoring/alertmanager/"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void aRefusedAlertIsAFailureWithAlertmanagersReason() {
        alertmanager.stubFor(post(ALERTS).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("\"start time must be before end time\"\n")));
        notifier = alertmanager(Map.of("token", TOKEN));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-am': Alertmanager answered HTTP 400: start time must be before end time");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 500, 503, 302})
    void anyOtherAnswerIsAFailureNamingTheStatusOnly(int status) {
        alertmanager.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody("Bearer " + TOKEN)));
        notifier = alertmanager(Map.of("token", TOKEN));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-am': Alertmanager answered HTTP " + status);
    }

    @Test
    void anAlertmanagerThatDoesNotAnswerIsAFailureAfterTheTimeout() {
        alertmanager.stubFor(post(anyUrl()).willReturn(ok().withFixedDelay(30_000)));
        notifier = alertmanager(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'ops-am': Alertmanager did not answer within 300 ms");
    }

    @Test
    void anAlertmanagerThatIsNotListeningIsAFailureNamingNoSecret() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        notifier = alertmanager(Map.of("url", "http://127.0.0.1:" + closedPort, "token", TOKEN));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'ops-am': could not reach Alertmanager: ConnectException")
                .hasNoCause()
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = alertmanager(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'ops-am' is closed");
        assertThat(alertmanager.getAllServeEvents()).isEmpty();
    }

    private Notifier alertmanager(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of("url", alertmanager.baseUrl()));
        settings.putAll(overrides);
        return new AlertmanagerNotifierProvider(Clock.fixed(NOW, ZoneOffset.UTC))
                .create(NotifierSettings.of("ops-am", settings));
    }

    private static JsonNode onlyBody() {
        assertThat(alertmanager.getAllServeEvents()).as("requests received").hasSize(1);
        return body(alertmanager.getAllServeEvents().get(0).getRequest().getBody());
    }

    private static JsonNode body(byte[] body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, UTF_8), e);
        }
    }
}
