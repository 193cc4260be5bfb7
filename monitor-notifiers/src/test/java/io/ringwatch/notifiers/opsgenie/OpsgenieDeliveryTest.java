package io.ringwatch.notifiers.opsgenie;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.notifiers.opsgenie.OpsgenieNotifierTest.accepted;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithLongestValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpsgenieDeliveryTest {
    private static final String KEY = "eb243592-faa2-4ba2-a551-1afdf565c889";
    /** The sample alert as the body of "Create Alert", fields as Opsgenie's Alert API documents them. */
    private static final String CREATE = "{\"message\":\"CRITICAL: orders-api DOWN on node n3\","
            + "\"alias\":\"n3/orders-api@2031-02-03T04:05:06.789Z\","
            + "\"description\":\"CRITICAL: orders-api DOWN on node n3\\nseen by n1: connection refused\\n"
            + "incident n3/orders-api@2031-02-03T04:05:06.789Z\","
            + "\"priority\":\"P1\",\"source\":\"Ringwatch n1\",\"entity\":\"n3/orders-api\","
            + "\"tags\":[\"ringwatch\",\"alert\",\"down\"],"
            + "\"details\":{\"kind\":\"ALERT\",\"target\":\"n3/orders-api\",\"transition\":\"UP→DOWN\","
            + "\"reason\":\"connection refused\",\"observedBy\":\"n1\",\"since\":\"2031-02-03T04:05:06.789Z\","
            + "\"incidentKey\":\"n3/orders-api@2031-02-03T04:05:06.789Z\"}}";
    private static final String ALIAS_PATH = "/v2/alerts/n3%2Forders-api%402031-02-03T04%3A05%3A06.789Z";
    /** The body of "Acknowledge Alert": who acknowledged and what they said is the reason, made the note. */
    private static final String ACKNOWLEDGE = "{\"user\":\"Ringwatch\",\"source\":\"Ringwatch n1\","
            + "\"note\":\"acknowledged by alice: Ok, I got this one\"}";
    private static final Recipient ALICE = new Recipient("alice", "alice@example.com");

    @RegisterExtension
    static WireMockExtension opsgenie = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void createsAnAlertAliasedByTheIncident() throws Exception {
        opsgenie.stubFor(post(urlEqualTo("/v2/alerts"))
                .withHeader("Authorization", equalTo("GenieKey " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(CREATE))
                .willReturn(accepted()));
        notifier = opsgenie(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
        assertThat(receivedBody()).isEqualTo(CREATE);
    }

    @Test
    void closesTheIncidentsAlertByItsAliasOnRecovery() throws Exception {
        opsgenie.stubFor(post(urlEqualTo(ALIAS_PATH + "/close?identifierType=alias"))
                .withHeader("Authorization", equalTo("GenieKey " + KEY))
                .withRequestBody(equalToJson("{\"user\":\"Ringwatch\",\"source\":\"Ringwatch n1\","
                        + "\"note\":\"INFORMATION: orders-api UP on node n3\\nseen by n1: HTTP 200 in 35 ms\\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z\"}"))
                .willReturn(accepted()));
        notifier = opsgenie(Map.of());

        assertThatCode(() -> notifier.send(sampleRecovery())).doesNotThrowAnyException();
    }

    @Test
    void acknowledgesTheIncidentsAlertByItsAliasWithTheReasonAsTheNote() throws Exception {
        opsgenie.stubFor(post(urlEqualTo(ALIAS_PATH + "/acknowledge?identifierType=alias"))
                .withHeader("Authorization", equalTo("GenieKey " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(ACKNOWLEDGE))
                .willReturn(accepted()));
        notifier = opsgenie(Map.of());

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
        assertThat(opsgenie.findAll(postRequestedFor(urlEqualTo("/v2/alerts")))).as("alerts created").isEmpty();
    }

    @Test
    void sentToAContactCreatesTheAlertWithTheContactsUserAsResponder() throws Exception {
        opsgenie.stubFor(post(urlEqualTo("/v2/alerts"))
                .withHeader("Authorization", equalTo("GenieKey " + KEY))
                .withRequestBody(equalToJson(CREATE.replaceFirst("}$",
                        ",\"responders\":[{\"type\":\"user\",\"username\":\"alice@example.com\"}]}")))
                .willReturn(accepted()));
        notifier = opsgenie(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert(), ALICE)).doesNotThrowAnyException();
        assertThat(notifier.sendsToAddresses()).isTrue();
    }

    @Test
    void sentToAContactTheAcknowledgementAndTheCloseAreThoseOfTheChannel() throws Exception {
        opsgenie.stubFor(post(urlEqualTo(ALIAS_PATH + "/acknowledge?identifierType=alias"))
                .withRequestBody(equalToJson(ACKNOWLEDGE)).willReturn(accepted()));
        opsgenie.stubFor(post(urlEqualTo(ALIAS_PATH + "/close?identifierType=alias")).willReturn(accepted()));
        notifier = opsgenie(Map.of());

        assertThatCode(() -> notifier.send(sampleAcknowledgement(), ALICE)).doesNotThrowAnyException();
        assertThatCode(() -> notifier.send(sampleRecovery(), ALICE)).doesNotThrowAnyException();
        assertThat(opsgenie.getAllServeEvents()).extracting(event -> event.getRequest().getBodyAsString())
                .noneMatch(body -> body.contains("alice@example.com"));
    }

    @Test
    void refusesAnAddressThatIsNotAUsernameWithoutShowingIt() {
        notifier = opsgenie(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "alice at example")))
                .withMessage("channel 'genie': the address of contact 'alice' must be an Opsgenie username, the user's e-mail address");
        assertThat(opsgenie.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusalThatQuotesTheContactsAddressDoesNotShowIt() {
        opsgenie.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(422)
                .withBody("{\"message\":\"Request body is not processable.\",\"errors\":{\"responders\":\"alice@example.com is not valid\"}}")));
        notifier = opsgenie(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(), ALICE))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'genie': Opsgenie answered HTTP 422: Request body is not processable.: … is not valid");
    }

    @Test
    void aNoticeIsAnAlertOfPriorityThree() throws Exception {
        opsgenie.stubFor(post(urlEqualTo("/v2/alerts"))
                .withRequestBody(equalToJson("{\"priority\":\"P3\",\"tags\":[\"ringwatch\",\"notice\",\"degraded\"]}", false, true))
                .willReturn(accepted()));
        notifier = opsgenie(Map.of());

        assertThatCode(() -> notifier.send(sampleNotice())).doesNotThrowAnyException();
    }

    @Test
    void cutsTheMessageToOpsgeniesLimitOf130Characters() throws Exception {
        opsgenie.stubFor(post(anyUrl()).willReturn(accepted()));
        notifier = opsgenie(Map.of());

        notifier.send(sampleWithLongestValues());

        String message = new ObjectMapper().readTree(receivedBody()).path("message").asText();
        assertThat(message).hasSize(130).startsWith("CRITICAL: sss").endsWith("…");
    }

    @Test
    void anUnprocessableRequestIsAFailureNamingWhatOpsgenieSaid() {
        opsgenie.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Request body is not processable. Please check the errors.\","
                        + "\"errors\":{\"message\":\"Message can not be empty.\"},\"took\":0.001}")));
        notifier = opsgenie(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'genie': Opsgenie answered HTTP 422: Request body is not processable. "
                        + "Please check the errors.: Message can not be empty.");
    }

    @Test
    void aRefusedKeyIsAFailureThatDoesNotQuoteIt() {
        opsgenie.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Key " + KEY + " is not valid\",\"took\":0.0}")));
        notifier = opsgenie(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'genie': Opsgenie answered HTTP 401: Key … is not valid");
    }

    @Test
    void beingRateLimitedIsAFailureThatSaysSo() {
        opsgenie.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)));
        notifier = opsgenie(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'genie': Opsgenie is rate limiting this integration (HTTP 429); the alert was not accepted");
    }

    @Test
    void opsgenieNotAnsweringIsAFailureAfterTheTimeout() {
        opsgenie.stubFor(post(anyUrl()).willReturn(accepted().withFixedDelay(30_000)));
        notifier = opsgenie(Map.of("timeout", "300ms", "api-url", opsgenie.baseUrl() + "/slow"));

        assertTimesOut(notifier, "channel 'genie': Opsgenie did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = opsgenie(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'genie' is closed");
        assertThat(opsgenie.findAll(postRequestedFor(urlPathMatching("/v2/alerts.*")))).isEmpty();
    }

    private Notifier opsgenie(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("api-key", KEY);
        settings.putIfAbsent("api-url", opsgenie.baseUrl());
        return new OpsgenieNotifierProvider().create(NotifierSettings.of("genie", settings));
    }

    /** The one request to create an alert. A request that timed out under {@code /slow} may be logged long after its test, so it is left out. */
    private static String receivedBody() {
        List<LoggedRequest> received = opsgenie.findAll(postRequestedFor(urlEqualTo("/v2/alerts")));
        assertThat(received).as("requests received").hasSize(1);
        return received.get(0).getBodyAsString();
    }
}
