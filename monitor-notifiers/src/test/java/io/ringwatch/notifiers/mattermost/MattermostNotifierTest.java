package io.ringwatch.notifiers.mattermost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.card.ChatCard;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Mattermost notifier")
class MattermostNotifierTest extends NotifierCompatibilityKit {
    private static final String KEY = "kitmmkey7xq3f9w1b";
    private static final String PATH = "/hooks/" + KEY;

    @RegisterExtension
    static WireMockExtension mattermost = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void mattermostAcceptsPosts() {
        mattermost.stubFor(post(PATH).willReturn(ok("ok")));
    }

    @Override
    protected NotifierProvider provider() {
        return new MattermostNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-mm", Map.of("webhook-url", url(), "channel", "ops-alerts", "username", "Ringwatch",
                "icon-url", "https://ringwatch.example/icon.png", "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        mattermost.verify(1, webhookPost(sent, "ops-alerts"));
    }

    /** A direct message to the contact. */
    @Override
    protected String sampleAddress() {
        return "@alice";
    }

    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        mattermost.verify(1, webhookPost(sent, address));
        mattermost.verify(0, postRequestedFor(anyUrl()).withRequestBody(matchingJsonPath("$.channel", equalTo("ops-alerts"))));
    }

    private static RequestPatternBuilder webhookPost(Notification sent, String mattermostChannel) {
        ChatCard card = ChatCard.of(sent);
        RequestPatternBuilder request = postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(mattermostChannel)))
                .withRequestBody(matchingJsonPath("$.username", equalTo("Ringwatch")))
                .withRequestBody(matchingJsonPath("$.icon_url", equalTo("https://ringwatch.example/icon.png")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(sent.headline())))
                .withRequestBody(matchingJsonPath("$.attachments[0].fallback", equalTo(sent.headline())))
                .withRequestBody(matchingJsonPath("$.attachments[0].color", equalTo(card.hex())))
                .withRequestBody(matchingJsonPath("$.attachments[0].fields[0].value", equalTo(sent.target().toString())))
                .withRequestBody(matchingJsonPath("$.attachments[0].footer", equalTo("incident " + sent.incidentKey())));
        if (sent.kind() != NotificationKind.NOTICE) {
            request.withRequestBody(matchingJsonPath("$.attachments[0].text",
                    equalTo(ChatCard.of(sent).detail().orElseThrow())));
        }
        return request;
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(url(), KEY);
    }

    /** Mattermost refusing the post, as it does for a disabled webhook. */
    @Override
    protected void makeChannelFail() {
        mattermost.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody("{\"id\":\"web.incoming_webhook"
                + ".disabled.app_error\",\"message\":\"Incoming webhooks have been disabled\",\"status_code\":400}")));
    }

    private static String url() {
        return "http://127.0.0.1:" + mattermost.getPort() + PATH;
    }
}
