package io.ringwatch.notifiers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.created;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithLongestValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
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

class TwilioDeliveryTest {
    private static final String SID = "ACaaaabbbbccccddddeeeeffff00001111";
    private static final String TOKEN = "your_auth_token_5f4dcc3b";
    private static final String FROM = "+15017122661";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";

    @RegisterExtension
    static WireMockExtension twilio = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void textsTheFullMessageFromTheTwilioNumber() {
        twilio.stubFor(post(urlEqualTo(MESSAGES))
                .withBasicAuth(SID, TOKEN)
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withFormParam("To", equalTo("+15558675310"))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo("CRITICAL: orders-api DOWN on node n3\nseen by n1: connection refused\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z"))
                .willReturn(created()));
        notifier = twilio(Map.of("to", "+15558675310"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void cutsALongTextTo320Characters() throws Exception {
        twilio.stubFor(post(anyUrl()).willReturn(created()));
        notifier = twilio(Map.of("to", "+15558675310"));

        notifier.send(sampleWithLongestValues());

        String body = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0).formParameter("Body").firstValue();
        assertThat(body).hasSize(320).startsWith("CRITICAL: sss").endsWith("…");
    }

    @Test
    void callsWithTwimlThatReadsTheAlertAndOffersToAcknowledge() {
        twilio.stubFor(post(urlEqualTo(CALLS))
                .withBasicAuth(SID, TOKEN)
                .withFormParam("To", equalTo("+15558675310"))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Twiml", equalTo("<Response><Gather numDigits=\"1\" action=\"https://ack.example.com/twilio"
                        + "?incident=n3%2Forders-api%402031-02-03T04%3A05%3A06.789Z\" "
                        + "method=\"POST\"><Say>CRITICAL: orders-api DOWN on node n3. Seen by n1: connection refused.</Say>"
                        + "<Say>Press 1 to acknowledge.</Say></Gather></Response>"))
                .willReturn(created()));
        notifier = twilio(Map.of("to", "+15558675310", "mode", "CALL", "ack-url", "https://ack.example.com/twilio"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void textsAnAcknowledgementInShort() throws Exception {
        twilio.stubFor(post(anyUrl()).willReturn(created()));
        notifier = twilio(Map.of("to", "+15558675310"));

        notifier.send(sampleAcknowledgement());

        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", equalTo("+15558675310"))
                .withFormParam("Body", equalTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since "
                        + "2031-02-03T04:05:06.789Z\nacknowledged by alice: Ok, I got this one")));
    }

    @Test
    void placesNoCallForAnAcknowledgementAndAsksNoKeypressOnARecovery() throws Exception {
        twilio.stubFor(post(anyUrl()).willReturn(created()));
        notifier = twilio(Map.of("to", "+15558675310", "mode", "call", "ack-url", "https://ack.example.com/twilio"));

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
        assertThatCode(() -> notifier.send(sampleAcknowledgement(), new Recipient("alice", "+14155550132")))
                .doesNotThrowAnyException();
        assertThat(twilio.findAll(postRequestedFor(anyUrl()))).as("requests for an acknowledgement").isEmpty();

        notifier.send(sampleRecovery());
        twilio.verify(1, postRequestedFor(urlEqualTo(CALLS)).withFormParam("To", equalTo("+15558675310"))
                .withFormParam("Twiml", equalTo("<Response><Say>INFORMATION: orders-api UP on node n3. Seen by n1: HTTP 200"
                        + " in 35 ms.</Say></Response>")));
    }

    @Test
    void textsOnlyTheContactsNumber() throws Exception {
        twilio.stubFor(post(anyUrl()).willReturn(created()));
        notifier = twilio(Map.of("to", "+15558675310,+15558675311"));

        notifier.send(sampleAlert(), new Recipient("alice", " +14155550132 "));

        assertThat(twilio.findAll(postRequestedFor(anyUrl()))).singleElement()
                .satisfies(request -> assertThat(request.formParameter("To").firstValue()).isEqualTo("+14155550132"));
    }

    @Test
    void refusesAnAddressThatIsNotOnePhoneNumberWithoutQuotingIt() {
        notifier = twilio(Map.of("to", "+15558675310"));

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "+14155550132, +14155550133")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'phone': the address of contact 'alice' must be one phone number, E.164 (+15558675310)");
        assertThat(twilio.findAll(postRequestedFor(anyUrl()))).isEmpty();        assertThat(notifier.addressProblem("0171 5550132")).as("not E.164").contains(
                "must be one phone number, E.164 (+15558675310)");
        assertThat(notifier.addressProblem("+14155550132")).isEmpty();
    }

    @Test
    void aRefusalForAContactNamesTheContactAndCutsTheNumberOutOfTwiliosMessage() {
        twilio.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number +1 415-555-0132 (+14155550132) is not a valid "
                        + "phone number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        notifier = twilio(Map.of("to", "+15558675310"));

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "+14155550132")))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'phone': Twilio answered HTTP 400 for contact alice: error 21211: "
                        + "The 'To' number … (…) is not a valid phone number.");
    }

    @Test
    void reachesEveryRecipientInTurn() throws Exception {
        twilio.stubFor(post(anyUrl()).willReturn(created()));
        notifier = twilio(Map.of("to", "+15558675310,+15558675311 , +15558675312", "mode", "call"));

        notifier.send(sampleAlert());

        for (String to : new String[] {"+15558675310", "+15558675311", "+15558675312"}) {
            twilio.verify(1, postRequestedFor(urlEqualTo(CALLS)).withBasicAuth(new BasicCredentials(SID, TOKEN))
                    .withFormParam("To", equalTo(to)));
        }
    }

    @Test
    void aRefusedRecipientDoesNotKeepTheOthersFromBeingReachedButFailsTheSend() {
        twilio.stubFor(post(anyUrl()).willReturn(created()));
        twilio.stubFor(post(anyUrl()).withFormParam("To", equalTo("+1555")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number +1555 is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        notifier = twilio(Map.of("to", "+15550000001,+1555,+15550000003"));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'phone': Twilio answered HTTP 400 for recipient 2 of 3: error 21211: "
                        + "The 'To' number +1555 is not a valid phone number.");
        for (String to : new String[] {"+15550000001", "+1555", "+15550000003"}) {
            twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(to)));
        }
    }

    @Test
    void saysHowManyRecipientsFailed() {
        twilio.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}")));
        notifier = twilio(Map.of("to", "+15558675310,+15558675311"));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'phone': Twilio answered HTTP 401 for recipient 1 of 2: error 20003: Authenticate "
                        + "(2 of 2 recipients failed)");
    }

    @Test
    void twiliosMessageIsQuotedWithoutTheAccountSidOrToken() {
        twilio.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":20404,\"message\":\"The requested resource /2010-04-01/Accounts/" + SID
                        + "/Messages.json was not found (" + TOKEN + ")\",\"status\":404}")));
        notifier = twilio(Map.of("to", "+15558675310"));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'phone': Twilio answered HTTP 404: error 20404: The requested resource "
                        + "/2010-04-01/Accounts/…/Messages.json was not found (…)");
    }

    @Test
    void beingRateLimitedIsAFailureThatSaysSo() {
        twilio.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)));
        notifier = twilio(Map.of("to", "+15558675310"));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'phone': Twilio is rate limiting this account (HTTP 429)");
    }

    @Test
    void twilioNotAnsweringEndsTheSendAfterTheTimeout() {
        twilio.stubFor(post(anyUrl()).willReturn(created()));
        twilio.stubFor(post(anyUrl()).withFormParam("To", equalTo("+15550000021")).willReturn(created().withFixedDelay(30_000)));
        notifier = twilio(Map.of("to", "+15550000021,+15550000022", "timeout", "300ms", "api-url", twilio.baseUrl() + "/slow"));

        assertTimesOut(notifier, "channel 'phone': Twilio did not answer within 300 ms");
        assertThat(twilio.findAll(postRequestedFor(anyUrl()).withFormParam("To", equalTo("+15550000022"))))
                .as("requests for the second recipient, which is not tried").isEmpty();
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = twilio(Map.of("to", "+15558675310"));

        assertClosedRefusesToSend(notifier, "channel 'phone' is closed");
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).isEmpty();
    }

    private Notifier twilio(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("account-sid", SID);
        settings.put("auth-token", TOKEN);
        settings.put("from", FROM);
        settings.putIfAbsent("api-url", twilio.baseUrl());
        return new TwilioNotifierProvider().create(NotifierSettings.of("phone", settings));
    }
}
