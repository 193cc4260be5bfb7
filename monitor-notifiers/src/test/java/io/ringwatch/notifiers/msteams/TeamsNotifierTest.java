package io.ringwatch.notifiers.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

@DisplayName("The Microsoft Teams notifier")
class TeamsNotifierTest extends NotifierCompatibilityKit {
    static final String SIGNATURE = "kitSig-Wf_9aQ3zX";
    static final String PATH = "/powerautomate/automations/direct/workflows/0a1b2c3d4e5f/triggers/manual/paths/invoke";
    static final String QUERY = "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + SIGNATURE;

    @RegisterExtension
    static WireMockExtension workflow = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void workflowAcceptsCards() {
        workflow.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
    }

    @Override
    protected NotifierProvider provider() {
        return new TeamsNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-teams", Map.of("webhook-url", url(), "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        String card = "$.attachments[0].content";
        String style = TeamsBody.style(sent);
        int facts = sent.kind() == NotificationKind.NOTICE ? 1 : 2;
        RequestPatternBuilder request = postRequestedFor(urlEqualTo(PATH + QUERY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("message")))
                .withRequestBody(matchingJsonPath("$.attachments[0].contentType", equalTo("application/vnd.microsoft.card.adaptive")))
                .withRequestBody(matchingJsonPath(card + ".type", equalTo("AdaptiveCard")))
                .withRequestBody(matchingJsonPath(card + ".body[0].style", equalTo(style)))
                .withRequestBody(matchingJsonPath(card + ".body[0].items[0].text", equalTo(sent.headline())))
                .withRequestBody(matchingJsonPath(card + ".body[" + facts + "].facts[0].value", equalTo(sent.target().toString())))
                .withRequestBody(matchingJsonPath(card + ".body[" + (facts + 1) + "].text", equalTo("incident " + sent.incidentKey())));
        if (sent.kind() != NotificationKind.NOTICE) {
            request.withRequestBody(matchingJsonPath(card + ".body[1].text", equalTo(ChatCard.of(sent).detail().orElseThrow())));
        }
        workflow.verify(1, request);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(url(), SIGNATURE);
    }

    /** The workflow refusing the signature, as Power Automate does. */
    @Override
    protected void makeChannelFail() {
        workflow.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":"
                + "\"DirectApiAuthorizationRequired\",\"message\":\"The request must be authenticated. sig=" + SIGNATURE + "\"}}")));
    }

    static String url() {
        return "http://127.0.0.1:" + workflow.getPort() + PATH + QUERY;
    }
}
