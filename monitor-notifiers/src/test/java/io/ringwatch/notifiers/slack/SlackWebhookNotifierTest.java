package io.ringwatch.notifiers.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

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

@DisplayName("The Slack notifier posting to an incoming webhook")
class SlackWebhookNotifierTest extends NotifierCompatibilityKit {
    private static final String SECRET_PART = "kitWebhookS3cret";
    private static final String PATH = "/services/T0KIT/B0KIT/" + SECRET_PART;

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void slackAcceptsMessages() {
        slack.stubFor(post(PATH).willReturn(ok("ok")));
    }

    @Override
    protected NotifierProvider provider() {
        return new SlackNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("team-slack", Map.of("webhook-url", url(), "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        slack.verify(1, SlackBotNotifierTest.message(sent, PATH)
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(notContaining("\"channel\"")));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(url(), SECRET_PART);
    }

    /** A webhook's way to fail: an error status with a code in plain text. */
    @Override
    protected void makeChannelFail() {
        slack.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404).withBody("no_service")));
    }

    private static String url() {
        return "http://127.0.0.1:" + slack.getPort() + PATH;
    }
}
