package io.ringwatch.notifiers.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertFailsWithoutSecrets;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import org.junit.jupiter.params.provider.ValueSource;

class TelegramDeliveryTest {
    private static final String TOKEN = "987654321:AAH-delivery_token_abcdefghij0123";
    private static final String PATH = "/bot" + TOKEN + "/sendMessage";

    @RegisterExtension
    static WireMockExtension telegram = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsSendMessageWithTheHeadlineInBoldAndTheRestAsText() throws Exception {
        telegram.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson("{\"chat_id\":\"-1001234567890\",\"parse_mode\":\"HTML\","
                        + "\"disable_notification\":false,\"text\":\"<b>CRITICAL: orders-api DOWN on node n3</b>\\n"
                        + "seen by n1: connection refused\\nincident n3/orders-api@2031-02-03T04:05:06.789Z\"}"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":7}}")));
        notifier = telegram(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void sendsARecoverySilently() {
        telegram.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"ok\":true}")));
        notifier = telegram(Map.of());

        assertThatCode(() -> notifier.send(sampleRecovery())).doesNotThrowAnyException();

        telegram.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("{\"disable_notification\":true}", false, true)));
    }

    @Test
    void sendsAnAcknowledgementSilentlyShowingWhoAcknowledgedIt() {
        telegram.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(equalToJson("{\"chat_id\":\"-1001234567890\",\"parse_mode\":\"HTML\","
                        + "\"disable_notification\":true,\"text\":\"<b>CRITICAL: acknowledged: orders-api DOWN on node n3 "
                        + "since 2031-02-03T04:05:06.789Z</b>\\nacknowledged by alice: Ok, I got this one\\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z\"}"))
                .willReturn(okJson("{\"ok\":true}")));
        notifier = telegram(Map.of());

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
    }

    @Test
    void sendsToAContactsChatInsteadOfTheChannelsChat() {
        telegram.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":\"5566778899\",\"parse_mode\":\"HTML\","
                        + "\"disable_notification\":false,\"text\":\"<b>CRITICAL: orders-api DOWN on node n3</b>\\n"
                        + "seen by n1: connection refused\\nincident n3/orders-api@2031-02-03T04:05:06.789Z\"}"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":8}}")));
        notifier = telegram(Map.of());

        assertThat(notifier.sendsToAddresses()).isTrue();
        assertThatCode(() -> notifier.send(sampleAlert(), new Recipient("alice", "5566778899"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "@al", "https://t.me/alice", "+4915112345678", "12345 6789"})
    void refusesAnAddressThatIsNotAChatNamingTheContactButNotTheAddress(String address) {
        notifier = telegram(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", address)))
                .withMessage("channel 'tg': the address of contact 'alice' must be a chat's number (such as "
                        + "-1001234567890) or a public channel's @username");
        assertThat(telegram.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusalOfAContactsChatDoesNotQuoteTheAddress() {
        telegram.stubFor(post(anyUrl()).willReturn(okJson(
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: user 5566778899 has not started the bot\"}")
                .withStatus(403)));
        notifier = telegram(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "5566778899")))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'tg': Telegram answered HTTP 403: Forbidden: user … has not started the bot");
    }

    @Test
    void escapesMarkupSoThatTelegramShowsItAsText() throws Exception {
        telegram.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"ok\":true}")));
        notifier = telegram(Map.of());

        notifier.send(sampleWithAwkwardText());

        String text = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(telegram.getAllServeEvents().get(0).getRequest().getBodyAsString()).path("text").asText();
        assertThat(text).contains("&lt;b&gt;&amp;amp;&lt;/b&gt;", "\"Service Unavailable\"", "C:\\srv\\orders\\",
                "Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻").startsWith("<b>WARNING: orders-api DEGRADED on node n3</b>\n");
    }

    @Test
    void anAnswerWithOkFalseIsAFailureNamingTelegramsDescription() {
        telegram.stubFor(post(anyUrl()).willReturn(okJson(
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}").withStatus(400)));
        notifier = telegram(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'tg': Telegram answered HTTP 400: Bad Request: chat not found");
    }

    @Test
    void okFalseIsAFailureEvenWithStatus200() {
        telegram.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":false,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        notifier = telegram(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'tg': Telegram answered HTTP 200: Forbidden: bot was blocked by the user");
    }

    @Test
    void aFloodLimitSaysWhenToRetry() {
        telegram.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":false,\"error_code\":429,"
                + "\"description\":\"Too Many Requests: retry after 35\",\"parameters\":{\"retry_after\":35}}").withStatus(429)));
        notifier = telegram(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'tg': Telegram answered HTTP 429: Too Many Requests: retry after 35 (retry after 35 s)");
    }

    @Test
    void anAnswerThatIsNotTheBotApisIsAFailure() {
        telegram.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("<html>captive portal</html>")));
        notifier = telegram(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'tg': Telegram answered HTTP 200 without {\"ok\":true}");
    }

    @Test
    void aServerErrorIsAFailureWithoutTheToken() {
        telegram.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502).withBody("bad gateway for " + PATH)));
        notifier = telegram(Map.of());

        assertFailsWithoutSecrets(notifier, "channel 'tg': Telegram answered HTTP 502", TOKEN);
    }

    @Test
    void aTelegramThatDoesNotAnswerIsAFailureAfterTheTimeout() {
        telegram.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":true}").withFixedDelay(30_000)));
        notifier = telegram(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'tg': Telegram did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = telegram(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'tg' is closed");
        assertThat(telegram.getAllServeEvents()).isEmpty();
    }

    private Notifier telegram(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("token", TOKEN);
        settings.put("chat-id", "-1001234567890");
        settings.put("api-url", "http://127.0.0.1:" + telegram.getPort());
        return new TelegramNotifierProvider().create(NotifierSettings.of("tg", settings));
    }
}
