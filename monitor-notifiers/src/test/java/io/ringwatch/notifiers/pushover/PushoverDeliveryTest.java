package io.ringwatch.notifiers.pushover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleEscalation;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleFlapping;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleReminder;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class PushoverDeliveryTest {
    private static final String USER_KEY = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";
    private static final String APP_TOKEN = "azGDORePK8gMaC0QOYAMyEEuzJnyUi";
    private static final String CONTACT_KEY = "gznej3rKEVAvPUxu9vvNnqpmZpokzF";
    private static final String PATH = "/1/messages.json";

    @RegisterExtension
    static WireMockExtension pushover = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsTheDocumentedFormFields() {
        pushover.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .withFormParam("token", equalTo(APP_TOKEN))
                .withFormParam("user", equalTo(USER_KEY))
                .withFormParam("title", equalTo("CRITICAL: orders-api DOWN on node n3"))
                .withFormParam("message", equalTo("CRITICAL: orders-api DOWN on node n3\nseen by n1: connection refused\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z"))
                .withFormParam("priority", equalTo("1"))
                .withFormParam("timestamp", equalTo("1927857927"))
                .withFormParam("device", equalTo("phone"))
                .withFormParam("sound", equalTo("siren"))
                .withFormParam("retry", absent())
                .withFormParam("expire", absent())
                .willReturn(okJson("{\"status\":1,\"request\":\"r1\"}")));
        notifier = pushover(Map.of("device", "phone", "sound", "siren"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"ALERT, 2", "ESCALATION, 2", "REMINDER, 1", "FLAPPING, 0", "RECOVERY, -1", "ACKNOWLEDGED, -1"})
    void withEmergencyOnADownAlertOrEscalationIsRepeatedUntilAcknowledged(String kind, String priority) throws Exception {
        pushover.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"status\":1}")));
        notifier = pushover(Map.of("emergency", "true", "retry", "2m", "expire", "1h"));
        Notification sent = switch (kind) {
            case "ALERT" -> sampleAlert();
            case "ESCALATION" -> sampleEscalation();
            case "REMINDER" -> sampleReminder();
            case "FLAPPING" -> sampleFlapping();
            case "ACKNOWLEDGED" -> sampleAcknowledgement();
            default -> sampleRecovery();
        };

        notifier.send(sent);

        boolean emergency = priority.equals("2");
        pushover.verify(postRequestedFor(urlEqualTo(PATH))
                .withFormParam("priority", equalTo(priority))
                .withFormParam("retry", emergency ? equalTo("120") : absent())
                .withFormParam("expire", emergency ? equalTo("3600") : absent()));
    }

    @Test
    void anAcknowledgementIsAQuietMessageThatSaysWhoIsOnIt() {
        pushover.stubFor(post(urlEqualTo(PATH))
                .withFormParam("user", equalTo(USER_KEY))
                .withFormParam("title", equalTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z"))
                .withFormParam("message", equalTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\n"
                        + "acknowledged by alice: Ok, I got this one\nincident n3/orders-api@2031-02-03T04:05:06.789Z"))
                .withFormParam("priority", equalTo("-1"))
                .withFormParam("sound", equalTo("siren"))
                .withFormParam("retry", absent())
                .willReturn(okJson("{\"status\":1,\"request\":\"r1\"}")));
        notifier = pushover(Map.of("sound", "siren", "emergency", "true"));

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
    }

    @Test
    void sentToAContactGoesToAllDevicesOfTheContactsKeyWithTheChannelsTokenAndSound() {
        pushover.stubFor(post(urlEqualTo(PATH))
                .withFormParam("token", equalTo(APP_TOKEN))
                .withFormParam("user", equalTo(CONTACT_KEY))
                .withFormParam("title", equalTo("CRITICAL: orders-api DOWN on node n3"))
                .withFormParam("priority", equalTo("1"))
                .withFormParam("sound", equalTo("siren"))
                .withFormParam("device", absent())
                .willReturn(okJson("{\"status\":1,\"request\":\"r1\"}")));
        notifier = pushover(Map.of("device", "phone", "sound", "siren"));

        assertThat(notifier.sendsToAddresses()).isTrue();
        assertThatCode(() -> notifier.send(sampleAlert(), new Recipient("alice", CONTACT_KEY))).doesNotThrowAnyException();
        assertThat(pushover.findAll(postRequestedFor(urlEqualTo(PATH)).withFormParam("user", equalTo(USER_KEY)))).isEmpty();
    }

    @Test
    void refusesAnAddressThatIsNotAKeyWithoutShowingIt() {
        notifier = pushover(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "alice-phone")))
                .withMessage("channel 'pager': the address of contact 'alice' must be a Pushover user or group key: 30 letters and digits");
        assertThat(pushover.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusalThatQuotesTheContactsKeyDoesNotShowIt() {
        pushover.stubFor(post(anyUrl()).willReturn(okJson("{\"user\":\"invalid\",\"errors\":[\"user " + CONTACT_KEY
                + " is not a valid user, group, or subscribed user key\"],\"status\":0}").withStatus(400)));
        notifier = pushover(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", CONTACT_KEY)))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'pager': Pushover answered HTTP 400: user … is not a valid user, group, or subscribed user key");
    }

    @Test
    void anErrorAnswerIsAFailureNamingPushoversErrors() {
        pushover.stubFor(post(anyUrl()).willReturn(okJson("{\"user\":\"invalid\",\"errors\":[\"user identifier is not a valid "
                + "user, group, or subscribed user key\"],\"status\":0,\"request\":\"r2\"}").withStatus(400)));
        notifier = pushover(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'pager': Pushover answered HTTP 400: user identifier is not a valid user, group, "
                        + "or subscribed user key");
    }

    @Test
    void statusOtherThanOneIsAFailureEvenWithHttp200() {
        pushover.stubFor(post(anyUrl()).willReturn(okJson("{\"status\":0,\"errors\":[\"message cannot be blank\"]}")));
        notifier = pushover(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'pager': Pushover answered HTTP 200 without \"status\":1: message cannot be blank");
    }

    @Test
    void aServerErrorIsAFailureWithoutTheKeys() {
        pushover.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withBody("error")));
        notifier = pushover(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'pager': Pushover answered HTTP 500")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(USER_KEY, APP_TOKEN));
    }

    @Test
    void aPushoverThatDoesNotAnswerIsAFailureAfterTheTimeout() {
        pushover.stubFor(post(anyUrl()).willReturn(okJson("{\"status\":1}").withFixedDelay(30_000)));
        notifier = pushover(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'pager': Pushover did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = pushover(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'pager' is closed");
        assertThat(pushover.getAllServeEvents()).isEmpty();
    }

    private Notifier pushover(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("user-key", USER_KEY);
        settings.put("app-token", APP_TOKEN);
        settings.put("api-url", "http://127.0.0.1:" + pushover.getPort());
        return new PushoverNotifierProvider().create(NotifierSettings.of("pager", settings));
    }
}
