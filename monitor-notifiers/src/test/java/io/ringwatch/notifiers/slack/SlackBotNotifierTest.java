package io.ringwatch.notifiers.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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

@DisplayName("The Slack notifier posting with chat.postMessage")
class SlackBotNotifierTest extends NotifierCompatibilityKit {
    private static final String TOKEN = "xoxb-1111-2222-kitBotT0ken";
    private static final String METHOD = "/api/chat.postMessage";

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void slackAcceptsMessages() {
        slack.stubFor(post(METHOD).willReturn(okJson("{\"ok\":true,\"channel\":\"C0123456789\",\"ts\":\"1927857928.000100\"}")));
    }

    @Override
    protected NotifierProvider provider() {
        return new SlackNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-slack", Map.of("token", TOKEN, "channel", "#ops",
                "api-url", "http://127.0.0.1:" + slack.getPort() + "/api", "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        slack.verify(1, postMessage(sent, "#ops"));
    }

    /** A person's user id: the message goes to the person's direct messages with the app. */
    @Override
    protected String sampleAddress() {
        return "U0123ABCDEF";
    }

    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        slack.verify(1, postMessage(sent, address));
        slack.verify(0, postRequestedFor(anyUrl()).withRequestBody(matchingJsonPath("$.channel", equalTo("#ops"))));
    }

    private static RequestPatternBuilder postMessage(Notification sent, String slackChannel) {
        return message(sent)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(slackChannel)));
    }

    /** The message of {@code sent}, on any Slack endpoint: headline, colour, detail, facts and incident. */
    static RequestPatternBuilder message(Notification sent, String path) {
        ChatCard card = ChatCard.of(sent);
        boolean notice = sent.kind() == NotificationKind.NOTICE;
        String fields = "$.attachments[0].blocks[" + (notice ? 0 : 1) + "].fields";
        RequestPatternBuilder request = postRequestedFor(urlEqualTo(path))
                .withRequestBody(matchingJsonPath("$.text", equalTo(SlackBody.escape(sent.headline()))))
                .withRequestBody(matchingJsonPath("$.attachments[0].color", equalTo(card.hex())))
                .withRequestBody(matchingJsonPath(fields + "[0].text", equalTo("*Target*\n`" + sent.target() + "`")))
                .withRequestBody(matchingJsonPath("$.attachments[0].blocks[" + (notice ? 1 : 2) + "].elements[0].text",
                        equalTo("incident " + sent.incidentKey())));
        if (!notice) {
            request.withRequestBody(matchingJsonPath("$.attachments[0].blocks[0].text.text",
                    equalTo(ChatCard.of(sent).detail().orElseThrow())));
        }
        return request;
    }

    private static RequestPatternBuilder message(Notification sent) {
        return message(sent, METHOD);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    /** Slack's way to fail: 200 with {"ok":false}. */
    @Override
    protected void makeChannelFail() {
        slack.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
    }
}
