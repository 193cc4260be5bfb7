package io.ringwatch.notifiers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Twilio notifier, texting")
class TwilioSmsNotifierTest extends NotifierCompatibilityKit {
    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "kit-auth-token-0f1e2d3c4b5a";
    static final String FROM = "+15017122661";
    static final String[] TO = {"+15558675310", "+447700900123"};

    @RegisterExtension
    static WireMockExtension twilio = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void twilioCreatesMessages() {
        twilio.stubFor(post(urlEqualTo(resource("Messages.json"))).willReturn(created()));
    }

    @Override
    protected NotifierProvider provider() {
        return new TwilioNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("on-call-sms", Map.of("account-sid", SID, "auth-token", TOKEN, "from", FROM,
                "to", String.join(", ", TO), "mode", "sms", "api-url", twilio.baseUrl(), "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        for (String to : TO) {
            twilio.verify(postRequestedFor(urlEqualTo(resource("Messages.json")))
                    .withBasicAuth(new BasicCredentials(SID, TOKEN))
                    .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                    .withFormParam("To", equalTo(to))
                    .withFormParam("From", equalTo(FROM))
                    .withFormParam("Body", equalTo(TwilioForm.smsBody(sent))));
        }
    }

    @Override
    protected String sampleAddress() {
        return "+14155550132";
    }

    /** One text to the contact's number, none to the configured ones. */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        twilio.verify(1, postRequestedFor(urlEqualTo(resource("Messages.json")))
                .withBasicAuth(new BasicCredentials(SID, TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(address))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo(TwilioForm.smsBody(sent))));
        for (String to : TO) {
            twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("To", equalTo(to)));
        }
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SID, TOKEN);
    }

    /** Twilio answers 500 to everything. */
    @Override
    protected void makeChannelFail() {
        twilio.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    static String resource(String name) {
        return "/2010-04-01/Accounts/" + SID + "/" + name;
    }

    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}");
    }
}
