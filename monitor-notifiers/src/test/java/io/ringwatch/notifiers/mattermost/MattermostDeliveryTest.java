package io.ringwatch.notifiers.mattermost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertFailsWithoutSecrets;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MattermostDeliveryTest {
    private static final String KEY = "deliverykey3x9qv";
    private static final String PATH = "/mattermost/hooks/" + KEY;
    /** The sample alert as Mattermost gets it, as docs/notifiers.md shows it. */
    private static final String ALERT = "{\"channel\":\"town-square\",\"username\":\"Ringwatch\","
            + "\"icon_url\":\"https://ringwatch.example/icon.png\",\"text\":\"CRITICAL: orders-api DOWN on node n3\","
            + "\"attachments\":[{\"fallback\":\"CRITICAL: orders-api DOWN on node n3\",\"color\":\"#D32F2F\","
            + "\"text\":\"seen by n1: connection refused\",\"fields\":["
            + "{\"short\":true,\"title\":\"Target\",\"value\":\"n3/orders-api\"},"
            + "{\"short\":true,\"title\":\"Status\",\"value\":\"UP → DOWN\"},"
            + "{\"short\":true,\"title\":\"Seen by\",\"value\":\"n1\"},"
            + "{\"short\":true,\"title\":\"Since\",\"value\":\"2031-02-03T04:05:06.789Z\"}],"
            + "\"footer\":\"incident n3/orders-api@2031-02-03T04:05:06.789Z\"}]}";

    @RegisterExtension
    static WireMockExtension mattermost = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsTheHeadlineAndOneColouredAttachment() throws Exception {
        mattermost.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson(ALERT))
                .willReturn(ok("ok")));
        notifier = mattermost(Map.of("channel", "town-square", "username", "Ringwatch",
                "icon-url", "https://ringwatch.example/icon.png"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void leavesOutWhatIsNotSet() throws Exception {
        mattermost.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = mattermost(Map.of());

        notifier.send(sampleNotice());

        String body = mattermost.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(body).doesNotContain("\"channel\"", "\"username\"", "\"icon_url\"")
                .contains("\"text\":\"WARNING: n1 cannot reach n3, but n2 can: n1 suspects its own network path\"")
                .contains("\"color\":\"#F9A825\",\"fields\"");
    }

    @ParameterizedTest
    @CsvSource({"alert, #D32F2F", "degraded, #F9A825", "recovery, #2E7D32"})
    void coloursTheAttachmentBySeverity(String which, String colour) throws Exception {
        Notification sent = switch (which) {
            case "alert" -> sampleAlert();
            case "degraded" -> sampleWithAwkwardText();
            default -> sampleRecovery();
        };
        mattermost.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = mattermost(Map.of());

        notifier.send(sent);

        assertThat(mattermost.getAllServeEvents().get(0).getRequest().getBodyAsString()).contains("\"color\":\"" + colour + "\"");
    }

    @Test
    void showsAnAcknowledgementInBlueWithWhoAcknowledgedIt() throws Exception {
        mattermost.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = mattermost(Map.of());

        notifier.send(sampleAcknowledgement());

        mattermost.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.text",
                        equalTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z")))
                .withRequestBody(matchingJsonPath("$.attachments[0].color", equalTo("#1976D2")))
                .withRequestBody(matchingJsonPath("$.attachments[0].text",
                        equalTo("acknowledged by alice: Ok, I got this one"))));
    }

    @Test
    void postsInAContactsChannelInsteadOfTheConfiguredOne() throws Exception {
        mattermost.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(ALERT.replace("\"channel\":\"town-square\"", "\"channel\":\"@alice\"")))
                .willReturn(ok("ok")));
        notifier = mattermost(Map.of("channel", "town-square", "username", "Ringwatch",
                "icon-url", "https://ringwatch.example/icon.png"));

        assertThat(notifier.sendsToAddresses()).isTrue();
        assertThatCode(() -> notifier.send(sampleAlert(), new Recipient("alice", "@alice"))).doesNotThrowAnyException();
    }

    @Test
    void namesAContactsChannelAlsoWhenTheWebhookPostsInItsOwn() throws Exception {
        mattermost.stubFor(post(anyUrl()).willReturn(ok("ok")));
        notifier = mattermost(Map.of());

        notifier.send(sampleAlert(), new Recipient("night-shift", "night-shift-ops"));

        mattermost.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("night-shift-ops"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Town Square", "~ops", "@", "#", "@alice smith", "https://chat.example.com/ops/channels/alerts"})
    void refusesAnAddressThatIsNotAChannelNameNamingTheContactButNotTheAddress(String address) {
        notifier = mattermost(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", address)))
                .withMessage("channel 'team-mm': the address of contact 'alice' must be a Mattermost channel's name "
                        + "(town-square, not its display name) or @username");
        assertThat(mattermost.getAllServeEvents()).isEmpty();
    }

    @Test
    void aWebhookLockedToItsChannelRefusingAContactsChannelIsAFailure() {
        mattermost.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(403).withBody("{\"id\":\"web.incoming_webhook"
                + ".channel_locked.app_error\",\"message\":\"This webhook is not permitted to post to the requested channel.\","
                + "\"status_code\":403}")));
        notifier = mattermost(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "@alice")))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'team-mm': Mattermost answered HTTP 403 (web.incoming_webhook.channel_locked.app_error)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | {\"id\":\"web.incoming_webhook.channel.app_error\",\"message\":\"Couldn't find the channel.\"} "
                    + "| ' (web.incoming_webhook.channel.app_error)'",
            "403 | {\"id\":\"web.incoming_webhook.permissions.app_error\",\"status_code\":403} "
                    + "| ' (web.incoming_webhook.permissions.app_error)'",
            "404 | 404 page not found | ''",
            "500 | {\"id\":\"see /hooks/" + KEY + "\"} | ''"})
    void anotherAnswerIsAFailureNamingTheStatusAndMattermostsErrorId(int status, String body, String shown) {
        mattermost.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
        notifier = mattermost(Map.of());

        assertFailsWithoutSecrets(notifier, "channel 'team-mm': Mattermost answered HTTP " + status + shown, KEY);
    }

    @Test
    void mattermostNotAnsweringIsAFailureAfterTheTimeout() {
        mattermost.stubFor(post(anyUrl()).willReturn(ok("ok").withFixedDelay(30_000)));
        notifier = mattermost(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'team-mm': Mattermost did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = mattermost(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'team-mm' is closed");
        assertThat(mattermost.getAllServeEvents()).isEmpty();
    }

    private static Notifier mattermost(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("webhook-url", "http://127.0.0.1:" + mattermost.getPort() + PATH);
        return new MattermostNotifierProvider().create(NotifierSettings.of("team-mm", settings));
    }
}
