package io.ringwatch.notifiers.gotify;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

@DisplayName("The gotify notifier")
class GotifyNotifierTest extends NotifierCompatibilityKit {
    private static final String TOKEN = "AkitGotifyTok3n.x";

    @RegisterExtension
    static WireMockExtension gotify = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void gotifyAcceptsMessages() {
        gotify.stubFor(post(urlEqualTo("/gotify/message")).willReturn(okJson("{\"id\":25,\"appid\":5}")));
    }

    @Override
    protected NotifierProvider provider() {
        return new GotifyNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-gotify", Map.of("server", "http://127.0.0.1:" + gotify.getPort() + "/gotify",
                "token", TOKEN, "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        gotify.verify(postRequestedFor(urlEqualTo("/gotify/message"))
                .withHeader("X-Gotify-Key", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.title", equalTo(sent.headline())))
                .withRequestBody(matchingJsonPath("$.message", equalTo(sent.text())))
                .withRequestBody(matchingJsonPath("$.priority", equalTo(Integer.toString(GotifyMessage.priority(sent)))))
                .withRequestBody(matchingJsonPath("$.extras['client::display'].contentType", equalTo("text/plain"))));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    /** Gotify refuses everything, as it does with a deleted application. */
    @Override
    protected void makeChannelFail() {
        gotify.stubFor(post(anyUrl()).willReturn(okJson("{\"error\":\"Unauthorized\",\"errorCode\":401,"
                + "\"errorDescription\":\"you need to provide a valid access token or user credentials to access this api\"}")
                .withStatus(401)));
    }
}
