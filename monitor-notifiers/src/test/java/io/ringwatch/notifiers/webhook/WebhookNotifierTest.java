package io.ringwatch.notifiers.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
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

@DisplayName("The webhook notifier")
class WebhookNotifierTest extends NotifierCompatibilityKit {
    private static final String TOKEN = "T0K3N-in-the-path";
    private static final String PATH = "/hooks/team/" + TOKEN;
    private static final String SECRET = "whsec-kit-7f3a";

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void receiverAcceptsPosts() {
        receiver.stubFor(post(PATH).willReturn(noContent()));
    }

    @Override
    protected NotifierProvider provider() {
        return new WebhookNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-hook", Map.of("url", url(), "secret", SECRET, "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        receiver.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader(WebhookNotifier.SIGNATURE, matching("sha256=[0-9a-f]{64}"))
                .withRequestBody(matchingJsonPath("$.kind", equalTo(sent.kind().name())))
                .withRequestBody(matchingJsonPath("$.incidentKey", equalTo(sent.incidentKey())))
                .withRequestBody(matchingJsonPath("$.reason", equalTo(sent.reason())))
                .withRequestBody(matchingJsonPath("$.text", equalTo(sent.text()))));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(url(), TOKEN, SECRET);
    }

    /** The receiver answers 500 to everything. */
    @Override
    protected void makeChannelFail() {
        receiver.stubFor(post(anyUrl()).willReturn(serverError()));
    }

    private static String url() {
        return "http://127.0.0.1:" + receiver.getPort() + PATH;
    }
}
