package io.ringwatch.notifiers.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiscordDeliveryTest {
    private static final String TOKEN = "deliveryT0ken-xyz";
    private static final String PATH = "/api/webhooks/998877665544332211/" + TOKEN;
    /** The sample alert as Discord gets it, as docs/notifiers.md shows it. */
    private static final String ALERT = "{\"username\":\"Ringwatch\",\"avatar_url\":\"https://ringwatch.example/a.png\","
            + "\"allowed_mentions\":{\"parse\":[]},"
            + "\"embeds\":[{\"title\":\"CRITICAL: orders-api DOWN on node n3\","
            + "\"description\":\"seen by n1: connection refused\",\"color\":13840175,\"fields\":["
            + "{\"name\":\"Target\",\"value\":\"n3/orders-api\",\"inline\":true},"
            + "{\"name\":\"Status\",\"value\":\"UP → DOWN\",\"inline\":true},"
            + "{\"name\":\"Seen by\",\"value\":\"n1\",\"inline\":true},"
            + "{\"name\":\"Since\",\"value\":\"2031-02-03T04:05:06.789Z\",\"inline\":true}],"
            + "\"footer\":{\"text\":\"incident n3/orders-api@2031-02-03T04:05:06.789Z\"},"
            + "\"timestamp\":\"2031-02-03T04:05:27.789Z\"}]}";

    @RegisterExtension
    static WireMockExtension discord = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsOneEmbedWithMentionsSwitchedOff() throws Exception {
        discord.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson(ALERT))
                .willReturn(noContent()));
        notifier = discord(Map.of("username", "Ringwatch", "avatar-url", "https://ringwatch.example/a.png"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void leavesOutWhatIsNotSet() throws Exception {
        discord.stubFor(post(anyUrl()).willReturn(noContent()));
        notifier = discord(Map.of());

        notifier.send(sampleNotice());

        assertThat(onlyBody(discord)).doesNotContain("\"username\"", "\"avatar_url\"", "\"description\"")
                .contains("\"title\":\"WARNING: n1 cannot reach n3, but n2 can: n1 suspects its own network path\"");
    }

    @ParameterizedTest
    @CsvSource({"alert, 13840175", "degraded, 16361509", "recovery, 3046706"})
    void coloursTheEmbedBySeverity(String which, int colour) throws Exception {
        Notification sent = switch (which) {
            case "alert" -> sampleAlert();
            case "degraded" -> sampleWithAwkwardText();
            default -> sampleRecovery();
        };
        discord.stubFor(post(anyUrl()).willReturn(noContent()));
        notifier = discord(Map.of());

        notifier.send(sent);

        assertThat(onlyBody(discord)).contains("\"color\":" + colour + ",");
    }

    @Test
    void showsAnAcknowledgementInBlueWithWhoAcknowledgedIt() throws Exception {
        discord.stubFor(post(anyUrl()).willReturn(noContent()));
        notifier = discord(Map.of());

        notifier.send(sampleAcknowledgement());

        assertThat(onlyBody(discord)).contains(
                "\"title\":\"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\"",
                "\"description\":\"acknowledged by alice: Ok, I got this one\"",
                "\"color\":1668818,");
    }

    @Test
    void hasOneFixedDestinationSoRefusesAContact() {
        notifier = discord(Map.of());

        assertThat(notifier.sendsToAddresses()).isFalse();
        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "alice#1234")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("channel 'ops-discord' sends to one fixed destination, not to a contact's address");
        assertThat(discord.getAllServeEvents()).isEmpty();
    }

    @Test
    void writesOtherScriptsAndEmojiAsUtf8() throws Exception {
        discord.stubFor(post(anyUrl()).willReturn(noContent()));
        notifier = discord(Map.of());

        notifier.send(sampleWithAwkwardText());

        assertThat(onlyBody(discord)).contains("Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻").doesNotContain("\\u");
    }

    @Test
    void aTwoHundredWithTheMessageIsADeliveryToo() {
        discord.stubFor(post(anyUrl()).willReturn(okJson("{\"id\":\"1\",\"type\":0}")));
        notifier = discord(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void aRateLimitIsAFailureSayingSoAndWhenToTryAgain() {
        discord.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":1.50,\"global\":false}")));
        notifier = discord(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-discord': Discord rate limited the webhook (HTTP 429); retry after 1.5 s");
    }

    @Test
    void aRateLimitWithoutABodyIsAFailureSayingSo() {
        discord.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)));
        notifier = discord(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-discord': Discord rate limited the webhook (HTTP 429)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404 | {\"message\":\"Unknown Webhook\",\"code\":10015} | ' (10015)'",
            "400 | {\"message\":\"Cannot send an empty message\",\"code\":50006} | ' (50006)'",
            "401 | {\"message\":\"Invalid Webhook Token\",\"code\":\"" + TOKEN + "\"} | ''",
            "500 | <html>oops</html> | ''"})
    void anotherAnswerIsAFailureNamingTheStatusAndDiscordsCode(int status, String body, String shown) {
        discord.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
        notifier = discord(Map.of());

        assertFailsWithoutSecrets(notifier, "channel 'ops-discord': Discord answered HTTP " + status + shown, TOKEN);
    }

    @Test
    void discordNotAnsweringIsAFailureAfterTheTimeout() {
        discord.stubFor(post(anyUrl()).willReturn(noContent().withFixedDelay(30_000)));
        notifier = discord(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'ops-discord': Discord did not answer within 300 ms");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302})
    void aRedirectIsNotFollowed(int status) {
        discord.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://127.0.0.1:" + discord.getPort() + "/elsewhere")));
        notifier = discord(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert())).hasMessage("channel 'ops-discord': Discord answered HTTP " + status);
        assertThat(discord.getAllServeEvents()).hasSize(1);
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = discord(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'ops-discord' is closed");
        assertThat(discord.getAllServeEvents()).isEmpty();
    }

    private static Notifier discord(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("webhook-url", "http://127.0.0.1:" + discord.getPort() + PATH);
        return new DiscordNotifierProvider().create(NotifierSettings.of("ops-discord", settings));
    }
}
