package io.ringwatch.notifiers.pushover;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The pushover notifier")
class PushoverNotifierTest extends NotifierCompatibilityKit {
    private static final String USER_KEY = "uKitUserKey0123456789abcdefghi";
    private static final String APP_TOKEN = "aKitAppToken0123456789abcdefgh";
    private static final String CONTACT_KEY = "uAliceUserKey0123456789abcdefg";

    @RegisterExtension
    static WireMockExtension pushover = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void pushoverAcceptsMessages() {
        pushover.stubFor(post(urlEqualTo("/1/messages.json"))
                .willReturn(okJson("{\"status\":1,\"request\":\"647d2300-702c-4b38-8b2f-d56326ae460b\"}")));
    }

    @Override
    protected NotifierProvider provider() {
        return new PushoverNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-pushover", Map.of("user-key", USER_KEY, "app-token", APP_TOKEN,
                "api-url", "http://127.0.0.1:" + pushover.getPort(), "emergency", "true", "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        pushover.verify(messageFor(sent, USER_KEY));
    }

    /** Another user's key, of the same form. */
    @Override
    protected String sampleAddress() {
        return CONTACT_KEY;
    }

    /** The message went to the contact's key, with the channel's token, and nothing went to the channel's own key. */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        pushover.verify(messageFor(sent, address));
        pushover.verify(0, postRequestedFor(urlEqualTo("/1/messages.json")).withFormParam("user", equalTo(USER_KEY)));
    }

    private RequestPatternBuilder messageFor(Notification sent, String userKey) {
        PushoverSettings settings = PushoverSettings.from(workingSettings());
        return postRequestedFor(urlEqualTo("/1/messages.json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .withFormParam("token", equalTo(APP_TOKEN))
                .withFormParam("user", equalTo(userKey))
                .withFormParam("title", equalTo(sent.headline()))
                .withFormParam("message", equalTo(sent.text()))
                .withFormParam("priority", equalTo(Integer.toString(PushoverMessage.priority(sent, settings))))
                .withFormParam("timestamp", equalTo(Long.toString(sent.at().getEpochSecond())));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(USER_KEY, APP_TOKEN);
    }

    /** Pushover refuses everything, as it does with a disabled application. */
    @Override
    protected void makeChannelFail() {
        pushover.stubFor(post(anyUrl()).willReturn(okJson("{\"token\":\"invalid\",\"errors\":[\"application token is invalid\"],"
                + "\"status\":0,\"request\":\"5042853c-402d-4a18-abcb-168734a801de\"}").withStatus(400)));
    }
}
