package io.ringwatch.notifiers.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackDeliveryTest {
    private static final String TOKEN = "xoxb-9999-8888-deliveryT0ken";
    private static final String HOOK = "/services/T0DEL/B0DEL/hookS3cret";
    private static final String METHOD = "/api/chat.postMessage";
    /** The sample alert as Slack gets it, as docs/notifiers.md shows it. */
    private static final String ALERT = "{\"text\":\"CRITICAL: orders-api DOWN on node n3\","
            + "\"attachments\":[{\"color\":\"#D32F2F\",\"blocks\":["
            + "{\"type\":\"section\",\"text\":{\"type\":\"plain_text\",\"text\":\"seen by n1: connection refused\",\"emoji\":false}},"
            + "{\"type\":\"section\",\"fields\":["
            + "{\"type\":\"mrkdwn\",\"text\":\"*Target*\\n`n3/orders-api`\"},"
            + "{\"type\":\"mrkdwn\",\"text\":\"*Status*\\n`UP → DOWN`\"},"
            + "{\"type\":\"mrkdwn\",\"text\":\"*Seen by*\\n`n1`\"},"
            + "{\"type\":\"mrkdwn\",\"text\":\"*Since*\\n`2031-02-03T04:05:06.789Z`\"}]},"
            + "{\"type\":\"context\",\"elements\":[{\"type\":\"plain_text\","
            + "\"text\":\"incident n3/orders-api@2031-02-03T04:05:06.789Z\",\"emoji\":false}]}]}]}";

    @RegisterExtension
    static WireMockExtension slack = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsTheMessageToTheWebhookAsJson() throws Exception {
        slack.stubFor(post(urlEqualTo(HOOK))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson(ALERT))
                .willReturn(ok("ok")));
        notifier = webhook(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void postsTheSameMessageWithTheChannelToChatPostMessageWithTheTokenAsBearer() throws Exception {
        slack.stubFor(post(urlEqualTo(METHOD))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(ALERT.replaceFirst("\\{", "{\"channel\":\"C0123456789\",")))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0123456789\",\"ts\":\"1503435956.000247\"}")));
        notifier = bot(Map.of("channel", "C0123456789"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"alert, #D32F2F", "degraded, #F9A825", "recovery, #2E7D32"})
    void coloursTheAttachmentBySeverity(String which, String colour) throws Exception {
        Notification sent = switch (which) {
            case "alert" -> sampleAlert();
            case "degraded" -> sampleWithAwkwardText();
            default -> sampleRecovery();
        };
        slack.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = webhook(Map.of());

        notifier.send(sent);

        slack.verify(postRequestedFor(urlEqualTo(HOOK)).withRequestBody(matchingJsonPath("$.attachments[0].color", equalTo(colour))));
    }

    @Test
    void showsAnAcknowledgementInBlueWithWhoAcknowledgedIt() throws Exception {
        slack.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = webhook(Map.of());

        notifier.send(sampleAcknowledgement());

        slack.verify(postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.text",
                        equalTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z")))
                .withRequestBody(matchingJsonPath("$.attachments[0].color", equalTo("#1976D2")))
                .withRequestBody(matchingJsonPath("$.attachments[0].blocks[0].text.text",
                        equalTo("acknowledged by alice: Ok, I got this one"))));
    }

    @Test
    void postsToAContactsUserIdWithChatPostMessageInsteadOfTheChannel() throws Exception {
        slack.stubFor(post(urlEqualTo(METHOD))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(ALERT.replaceFirst("\\{", "{\"channel\":\"U0123ABCDEF\",")))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D0123ABCDEF\",\"ts\":\"1503435956.000247\"}")));
        notifier = bot(Map.of());

        assertThat(notifier.sendsToAddresses()).isTrue();
        assertThatCode(() -> notifier.send(sampleAlert(), new Recipient("alice", "U0123ABCDEF"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#ops", "ops", "@alice", "u0123abcdef", "U0123 ABCDEF",
            "https://example.slack.com/team/U0123ABCDEF"})
    void refusesAnAddressThatIsNotAnIdNamingTheContactButNotTheAddress(String address) {
        notifier = bot(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", address)))
                .withMessage("channel 'ops-slack': the address of contact 'alice' must be a Slack user id (U0123ABCDEF, "
                        + "W0123ABCDEF) or channel id (C0123ABCDEF, G0123ABCDEF, D0123ABCDEF)");
        assertThat(slack.getAllServeEvents()).isEmpty();
    }

    @Test
    void anIncomingWebhookHasOneFixedDestinationAndRefusesAContact() {
        notifier = webhook(Map.of());

        assertThat(notifier.sendsToAddresses()).isFalse();
        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "U0123ABCDEF")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("channel 'team-slack' sends to one fixed destination, not to a contact's address");
        assertThat(slack.getAllServeEvents()).isEmpty();
    }

    @Test
    void escapesTheCharactersSlackGivesAMeaningToInTheTextButNotInThePlainTextBlocks() throws Exception {
        Notification notice = sampleNotice().toBuilder().reason("<!channel> n1 & n2 disagree: a -> b").build();
        Notification alert = sampleAlert().toBuilder().reason("<!here> & <b>").build();
        slack.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = webhook(Map.of());

        notifier.send(notice);
        notifier.send(alert);

        slack.verify(postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.text", equalTo("WARNING: &lt;!channel&gt; n1 &amp; n2 disagree: a -&gt; b"))));
        slack.verify(postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.attachments[0].blocks[0].text.text", equalTo("seen by n1: <!here> & <b>"))));
    }

    @Test
    void writesOtherScriptsAndEmojiAsUtf8() throws Exception {
        slack.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = webhook(Map.of());

        notifier.send(sampleWithAwkwardText());

        String body = slack.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(body).contains("Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻").doesNotContain("\\u");
    }

    @Test
    void anOkFalseAnswerIsAFailureNamingSlacksErrorCode() {
        slack.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
        notifier = bot(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-slack': Slack refused the message: not_in_channel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"ok\":true", "ok", "{}", "{\"ok\":\"yes\"}"})
    void aTwoHundredWithoutOkTrueIsAFailure(String answer) {
        slack.stubFor(post(anyUrl()).willReturn(ok(answer)));
        notifier = bot(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-slack': Slack refused the message: no \"ok\":true in its answer");
    }

    @Test
    void anErrorThatIsNotACodeIsNotShown() {
        slack.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":false,\"error\":\"bad token " + TOKEN + " given\"}")));
        notifier = bot(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'ops-slack': Slack refused the message: no \"ok\":true in its answer")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
    }

    @ParameterizedTest
    @CsvSource({"404, channel_not_found, ' (channel_not_found)'", "410, channel_is_archived, ' (channel_is_archived)'",
            "403, action_prohibited, ' (action_prohibited)'", "500, <html>oops</html>, ''", "400, '', ''"})
    void aWebhookErrorIsAFailureNamingTheStatusAndTheCode(int status, String body, String shown) {
        slack.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
        notifier = webhook(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'team-slack': Slack answered HTTP " + status + shown);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503, 302})
    void chatPostMessageAnsweringOtherThanTwoHundredIsAFailure(int status) {
        slack.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://127.0.0.1:" + slack.getPort() + "/elsewhere")));
        notifier = bot(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-slack': Slack answered HTTP " + status);
        assertThat(slack.getAllServeEvents()).as("requests; a redirect is not followed").hasSize(1);
    }

    @Test
    void slackNotAnsweringIsAFailureAfterTheTimeout() {
        slack.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":true}").withFixedDelay(30_000)));
        notifier = bot(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'ops-slack': Slack did not answer within 300 ms");
    }

    @Test
    void slackUnreachableIsAFailureNamingNeitherTheUrlNorTheToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        notifier = new SlackNotifierProvider().create(NotifierSettings.of("team-slack",
                Map.of("webhook-url", "http://127.0.0.1:" + closedPort + HOOK)));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'team-slack': could not reach Slack: ConnectException")
                .hasNoCause()
                .satisfies(e -> assertThat(e.toString()).doesNotContain(HOOK, "hookS3cret"));
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = bot(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'ops-slack' is closed");
        assertThat(slack.getAllServeEvents()).isEmpty();
    }

    private static Notifier webhook(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("webhook-url", "http://127.0.0.1:" + slack.getPort() + HOOK);
        return new SlackNotifierProvider().create(NotifierSettings.of("team-slack", settings));
    }

    private static Notifier bot(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("token", TOKEN);
        settings.putIfAbsent("channel", "#ops");
        settings.put("api-url", "http://127.0.0.1:" + slack.getPort() + "/api/");
        return new SlackNotifierProvider().create(NotifierSettings.of("ops-slack", settings));
    }
}
