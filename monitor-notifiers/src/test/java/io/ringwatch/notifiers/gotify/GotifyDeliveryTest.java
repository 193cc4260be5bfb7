package io.ringwatch.notifiers.gotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleFlapping;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GotifyDeliveryTest {
    private static final String TOKEN = "AdeliveryTok3n9";

    @RegisterExtension
    static WireMockExtension gotify = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsTheMessageWithTheTokenInTheHeaderNotTheQuery() {
        gotify.stubFor(post(urlEqualTo("/message"))
                .withHeader("X-Gotify-Key", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"title\":\"CRITICAL: orders-api DOWN on node n3\","
                        + "\"message\":\"CRITICAL: orders-api DOWN on node n3\\nseen by n1: connection refused\\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z\",\"priority\":8,"
                        + "\"extras\":{\"client::display\":{\"contentType\":\"text/plain\"}}}"))
                .willReturn(okJson("{\"id\":1}")));
        notifier = gotify(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void mapsWarningAndInformationToLowerPriorities() throws Exception {
        gotify.stubFor(post(urlEqualTo("/message")).withRequestBody(equalToJson("{\"priority\":5}", false, true)).willReturn(okJson("{}")));
        gotify.stubFor(post(urlEqualTo("/message")).withRequestBody(equalToJson("{\"priority\":2}", false, true)).willReturn(okJson("{}")));
        notifier = gotify(Map.of());

        assertThatCode(() -> notifier.send(sampleFlapping())).doesNotThrowAnyException();
        assertThatCode(() -> notifier.send(sampleRecovery())).doesNotThrowAnyException();
    }

    @Test
    void anAcknowledgementIsShownQuietlyAndSaysWhoIsOnIt() {
        gotify.stubFor(post(urlEqualTo("/message"))
                .withHeader("X-Gotify-Key", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"title\":\"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\","
                        + "\"message\":\"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\\n"
                        + "acknowledged by alice: Ok, I got this one\\nincident n3/orders-api@2031-02-03T04:05:06.789Z\","
                        + "\"priority\":2,\"extras\":{\"client::display\":{\"contentType\":\"text/plain\"}}}"))
                .willReturn(okJson("{\"id\":2}")));
        notifier = gotify(Map.of());

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
        assertThat(GotifyMessage.priority(sampleAcknowledgement())).isLessThan(GotifyMessage.priority(sampleAlert()));
    }

    @Test
    void anErrorAnswerIsAFailureNamingGotifysError() {
        gotify.stubFor(post(anyUrl()).willReturn(okJson("{\"error\":\"Bad Request\",\"errorCode\":400,"
                + "\"errorDescription\":\"Field 'message' is required\"}").withStatus(400)));
        notifier = gotify(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'phone': Gotify answered HTTP 400: Bad Request: Field 'message' is required");
    }

    @Test
    void anAnswerWithoutAGotifyErrorNamesTheStatusOnly() {
        gotify.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("maintenance " + TOKEN)));
        notifier = gotify(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert())).hasMessage("channel 'phone': Gotify answered HTTP 503");
    }

    @Test
    void aServerThatDoesNotAnswerIsAFailureAfterTheTimeout() {
        gotify.stubFor(post(anyUrl()).willReturn(okJson("{}").withFixedDelay(30_000)));
        notifier = gotify(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'phone': Gotify did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = gotify(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'phone' is closed");
        assertThat(gotify.getAllServeEvents()).isEmpty();
    }

    private Notifier gotify(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("server", "http://127.0.0.1:" + gotify.getPort());
        settings.put("token", TOKEN);
        return new GotifyNotifierProvider().create(NotifierSettings.of("phone", settings));
    }
}
