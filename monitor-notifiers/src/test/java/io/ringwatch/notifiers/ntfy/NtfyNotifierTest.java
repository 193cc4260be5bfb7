package io.ringwatch.notifiers.ntfy;

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

@DisplayName("The ntfy notifier")
class NtfyNotifierTest extends NotifierCompatibilityKit {
    private static final String TOPIC = "ringwatch-kit-Xq7pZ2";
    private static final String TOKEN = "tk_kitAccessToken0123456789abcd";
    private static final String CONTACT_TOPIC = "alice-phone-V9c3";

    @RegisterExtension
    static WireMockExtension ntfy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void ntfyAcceptsMessages() {
        ntfy.stubFor(post(urlEqualTo("/" + TOPIC)).willReturn(okJson("{\"id\":\"sPs71M8A2T\",\"event\":\"message\"}")));
        ntfy.stubFor(post(urlEqualTo("/" + CONTACT_TOPIC)).willReturn(okJson("{\"id\":\"hwQ2YpKdmg\",\"event\":\"message\"}")));
    }

    @Override
    protected NotifierProvider provider() {
        return new NtfyNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-ntfy", Map.of("server", "http://127.0.0.1:" + ntfy.getPort(), "topic", TOPIC,
                "token", TOKEN, "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        ntfy.verify(publishedTo(TOPIC, sent));
    }

    /** Another topic on the same server. */
    @Override
    protected String sampleAddress() {
        return CONTACT_TOPIC;
    }

    /** Published to the contact's topic, logged in as the channel, and nothing to the channel's topic. */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        ntfy.verify(publishedTo(address, sent));
        ntfy.verify(0, postRequestedFor(urlEqualTo("/" + TOPIC)));
    }

    private static RequestPatternBuilder publishedTo(String topic, Notification sent) {
        return postRequestedFor(urlEqualTo("/" + topic))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("text/plain; charset=UTF-8"))
                .withHeader("Title", equalTo(NtfyMessage.title(sent)))
                .withHeader("Priority", equalTo(NtfyMessage.priority(sent)))
                .withHeader("Tags", equalTo(NtfyMessage.tags(sent)))
                .withRequestBody(equalTo(sent.text()));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOPIC, TOKEN);
    }

    /** The server refuses everything, as it does with a revoked token. */
    @Override
    protected void makeChannelFail() {
        ntfy.stubFor(post(anyUrl()).willReturn(okJson("{\"code\":40101,\"http\":401,\"error\":\"unauthorized\","
                + "\"link\":\"https://ntfy.sh/docs/publish/#authentication\"}").withStatus(401)));
    }
}
