package io.ringwatch.notifiers.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertFailsWithoutSecrets;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.onlyBody;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsDeliveryTest {
    private static final String SIGNATURE = "deliverySig-4kQ_z";
    private static final String PATH = "/workflows/5e6f7a8b/triggers/manual/paths/invoke";
    private static final String QUERY = "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + SIGNATURE;
    /** The sample alert as the workflow gets it, as docs/notifiers.md shows it. */
    private static final String ALERT = "{\"type\":\"message\",\"attachments\":[{"
            + "\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"contentUrl\":null,\"content\":{"
            + "\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\",\"type\":\"AdaptiveCard\",\"version\":\"1.4\","
            + "\"msteams\":{\"width\":\"Full\"},\"body\":["
            + "{\"type\":\"Container\",\"style\":\"attention\",\"bleed\":true,\"items\":[{\"type\":\"TextBlock\","
            + "\"text\":\"CRITICAL: orders-api DOWN on node n3\",\"wrap\":true,\"weight\":\"Bolder\",\"size\":\"Medium\","
            + "\"color\":\"Attention\"}]},"
            + "{\"type\":\"TextBlock\",\"text\":\"seen by n1: connection refused\",\"wrap\":true},"
            + "{\"type\":\"FactSet\",\"facts\":[{\"title\":\"Target\",\"value\":\"n3/orders-api\"},"
            + "{\"title\":\"Status\",\"value\":\"UP → DOWN\"},{\"title\":\"Seen by\",\"value\":\"n1\"},"
            + "{\"title\":\"Since\",\"value\":\"2031-02-03T04:05:06.789Z\"}]},"
            + "{\"type\":\"TextBlock\",\"text\":\"incident n3/orders-api@2031-02-03T04:05:06.789Z\",\"wrap\":true,"
            + "\"isSubtle\":true,\"size\":\"Small\"}]}}]}";

    @RegisterExtension
    static WireMockExtension workflow = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsAnAdaptiveCardInAMessageToTheWorkflowWithItsQuery() throws Exception {
        workflow.stubFor(post(urlPathEqualTo(PATH))
                .withQueryParam("api-version", equalTo("2016-06-01"))
                .withQueryParam("sp", equalTo("/triggers/manual/run"))
                .withQueryParam("sv", equalTo("1.0"))
                .withQueryParam("sig", equalTo(SIGNATURE))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson(ALERT))
                .willReturn(aResponse().withStatus(202)));
        notifier = teams(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"alert, attention, Attention", "degraded, warning, Warning", "recovery, good, Good"})
    void stylesTheHeadlineBySeverity(String which, String style, String colour) throws Exception {
        Notification sent = switch (which) {
            case "alert" -> sampleAlert();
            case "degraded" -> sampleWithAwkwardText();
            default -> sampleRecovery();
        };
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
        notifier = teams(Map.of());

        notifier.send(sent);

        assertThat(onlyBody(workflow)).contains("\"style\":\"" + style + "\"", "\"color\":\"" + colour + "\"");
    }

    @Test
    void showsAnAcknowledgementInAccentBlueWithWhoAcknowledgedIt() throws Exception {
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
        notifier = teams(Map.of());

        notifier.send(sampleAcknowledgement());

        assertThat(onlyBody(workflow)).contains("{\"type\":\"Container\",\"style\":\"accent\",\"bleed\":true,\"items\":["
                + "{\"type\":\"TextBlock\",\"text\":\"CRITICAL: acknowledged: orders-api DOWN on node n3 since "
                + "2031-02-03T04:05:06.789Z\",\"wrap\":true,\"weight\":\"Bolder\",\"size\":\"Medium\",\"color\":\"Accent\"}]}",
                "{\"type\":\"TextBlock\",\"text\":\"acknowledged by alice: Ok, I got this one\",\"wrap\":true}");
    }

    @Test
    void hasOneFixedDestinationSoRefusesAContact() {
        notifier = teams(Map.of());

        assertThat(notifier.sendsToAddresses()).isFalse();
        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "alice@example.com")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("channel 'ops-teams' sends to one fixed destination, not to a contact's address");
        assertThat(workflow.getAllServeEvents()).isEmpty();
    }

    @Test
    void aNoticeHasNoDetailLine() throws Exception {
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
        notifier = teams(Map.of());

        notifier.send(sampleNotice());

        assertThat(onlyBody(workflow)).doesNotContain("seen by").contains("]},{\"type\":\"FactSet\"");
    }

    @Test
    void writesOtherScriptsAndEmojiAsUtf8() throws Exception {
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
        notifier = teams(Map.of());

        notifier.send(sampleWithAwkwardText());

        assertThat(onlyBody(workflow)).contains("Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻").doesNotContain("\\u");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202})
    void aTwoHundredIsADelivery(int status) {
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));
        notifier = teams(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | {\"error\":{\"code\":\"TriggerInputSchemaMismatch\",\"message\":\"…\"}} | ' (TriggerInputSchemaMismatch)'",
            "404 | {\"error\":{\"code\":\"WorkflowNotFound\",\"message\":\"…\"}} | ' (WorkflowNotFound)'",
            "429 | {\"error\":{\"code\":\"sig=" + SIGNATURE + " throttled\"}} | ''",
            "302 | '' | ''"})
    void anotherAnswerIsAFailureNamingTheStatusAndTheWorkflowsCode(int status, String body, String shown) {
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)
                .withHeader("Location", "http://127.0.0.1:" + workflow.getPort() + "/elsewhere")));
        notifier = teams(Map.of());

        assertFailsWithoutSecrets(notifier, "channel 'ops-teams': Teams answered HTTP " + status + shown, SIGNATURE, PATH);
        assertThat(workflow.getAllServeEvents()).as("requests; a redirect is not followed").hasSize(1);
    }

    @Test
    void aWorkflowNotAnsweringIsAFailureAfterTheTimeout() {
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202).withFixedDelay(30_000)));
        notifier = teams(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'ops-teams': Teams did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = teams(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'ops-teams' is closed");
        assertThat(workflow.getAllServeEvents()).isEmpty();
    }

    private static Notifier teams(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("webhook-url", "http://127.0.0.1:" + workflow.getPort() + PATH + QUERY);
        return new TeamsNotifierProvider().create(NotifierSettings.of("ops-teams", settings));
    }
}
