package io.ringwatch.notifiers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.FROM;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.SID;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.TOKEN;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.created;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.resource;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Twilio notifier, calling")
class TwilioCallNotifierTest extends NotifierCompatibilityKit {
    static final String ACK_TOKEN = "ack-token-9a8b7c";
    static final String ACK_URL = "https://ringwatch.example.com/twilio/ack?token=" + ACK_TOKEN + "&channel=phone";
    static final String TO = "+15558675310";

    @RegisterExtension
    static WireMockExtension twilio = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void twilioCreatesCalls() {
        twilio.stubFor(post(urlEqualTo(resource("Calls.json"))).willReturn(created()));
    }

    @Override
    protected NotifierProvider provider() {
        return new TwilioNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("on-call-phone", Map.of("account-sid", SID, "auth-token", TOKEN, "from", FROM,
                "to", TO, "mode", "call", "ack-url", ACK_URL, "api-url", twilio.baseUrl(), "timeout", "5s"));
    }

    /** A call reading the notification out; for an acknowledgement, as documented, no call at all. */
    @Override
    protected void assertDelivered(Notification sent) {
        if (sent.kind() == NotificationKind.ACKNOWLEDGED) {
            assertNoCallAbout(sent);
            return;
        }
        twilio.verify(postRequestedFor(urlEqualTo(resource("Calls.json")))
                .withBasicAuth(new BasicCredentials(SID, TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(TO))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Twiml", equalTo(TwiML.of(sent, Optional.of(URI.create(ACK_URL)))))
                .withFormParam("Twiml", sent.current().isProblem() && sent.kind() != NotificationKind.FLAPPING
                        && sent.kind() != NotificationKind.NOTICE
                        ? containing("<Gather numDigits=\"1\" action=\"https://ringwatch.example.com/twilio/ack?token="
                                + ACK_TOKEN + "&amp;channel=phone&amp;incident=")
                        : notContaining("<Gather")));
    }

    @Override
    protected String sampleAddress() {
        return "+14155550132";
    }

    /** One call to the contact's number, none to the configured one; for an acknowledgement, no call. */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        if (sent.kind() == NotificationKind.ACKNOWLEDGED) {
            assertNoCallAbout(sent);
            return;
        }
        String twiml = TwiML.of(sent, Optional.of(URI.create(ACK_URL)));
        twilio.verify(1, postRequestedFor(urlEqualTo(resource("Calls.json")))
                .withBasicAuth(new BasicCredentials(SID, TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(address))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Twiml", equalTo(twiml)));
        twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("To", equalTo(TO)));
    }

    /** Nothing was posted that reads out the notification or its reason (who acknowledged it). */
    private static void assertNoCallAbout(Notification sent) {
        twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("Twiml", containing(TwiML.escape(sent.reason()))));
        twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("Twiml", containing(TwiML.escape(sent.headline()))));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SID, TOKEN, ACK_TOKEN);
    }

    /** Twilio answers 500 to everything. */
    @Override
    protected void makeChannelFail() {
        twilio.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    }
}
