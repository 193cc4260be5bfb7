package io.ringwatch.notifiers.opsgenie;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelText;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Opsgenie notifier")
class OpsgenieNotifierTest extends NotifierCompatibilityKit {
    static final String API_KEY = "eb243592-faa2-4ba2-a551-kit0secret0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension opsgenie = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void opsgenieAcceptsAlertRequests() {
        opsgenie.stubFor(post(urlEqualTo("/v2/alerts")).willReturn(accepted()));
        opsgenie.stubFor(post(urlPathMatching("/v2/alerts/[^/]+/close")).willReturn(accepted()));
        opsgenie.stubFor(post(urlPathMatching("/v2/alerts/[^/]+/acknowledge")).willReturn(accepted()));
    }

    @Override
    protected NotifierProvider provider() {
        return new OpsgenieNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-genie", Map.of("api-key", API_KEY, "api-url", opsgenie.baseUrl(), "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        if (creates(sent)) {
            opsgenie.verify(createOf(sent).withRequestBody(notMatching(".*\"responders\".*")));
        } else {
            opsgenie.verify(actionOn(sent));
        }
    }

    /** Any address in Opsgenie's username form; Opsgenie adds a responder it does not know to nothing. */
    @Override
    protected String sampleAddress() {
        return "alice@example.com";
    }

    /**
     * An alert is created with the contact's user as its only responder, and no alert without
     * that responder; acknowledging or closing is the same request as for the channel.
     */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) throws Exception {
        if (!creates(sent)) {
            opsgenie.verify(actionOn(sent));
            return;
        }
        opsgenie.verify(createOf(sent));
        JsonNode responder = JSON.createArrayNode().add(JSON.createObjectNode().put("type", "user").put("username", address));
        for (LoggedRequest create : opsgenie.findAll(postRequestedFor(urlEqualTo("/v2/alerts")))) {
            assertThat(JSON.readTree(create.getBodyAsString()).path("responders")).as("the responders of a create")
                    .isEqualTo(responder);
        }
    }

    private static boolean creates(Notification sent) {
        return sent.kind() != NotificationKind.RECOVERY && sent.kind() != NotificationKind.ACKNOWLEDGED;
    }

    private static RequestPatternBuilder createOf(Notification sent) {
        return postRequestedFor(urlEqualTo("/v2/alerts"))
                .withHeader("Authorization", equalTo("GenieKey " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.message", equalTo(ChannelText.cut(sent.headline(), 130))))
                .withRequestBody(matchingJsonPath("$.alias", equalTo(sent.incidentKey())))
                .withRequestBody(matchingJsonPath("$.description", equalTo(sent.text())))
                .withRequestBody(matchingJsonPath("$.priority", equalTo(OpsgenieRequest.priorityOf(sent.severity()))))
                .withRequestBody(matchingJsonPath("$.details.reason", equalTo(sent.reason())));
    }

    /** The close of a recovery, with the text as its note, or the acknowledgement, with the reason as its note. */
    private static RequestPatternBuilder actionOn(Notification sent) {
        boolean recovery = sent.kind() == NotificationKind.RECOVERY;
        String action = recovery ? "close" : "acknowledge";
        return postRequestedFor(urlEqualTo("/v2/alerts/" + encoded(sent.incidentKey()) + "/" + action + "?identifierType=alias"))
                .withHeader("Authorization", equalTo("GenieKey " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.user", equalTo("Ringwatch")))
                .withRequestBody(matchingJsonPath("$.note", equalTo(recovery ? sent.text() : sent.reason())));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(API_KEY);
    }

    /** Opsgenie answers 500 to everything. */
    @Override
    protected void makeChannelFail() {
        opsgenie.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"result\":\"Request will be processed\",\"took\":0.302,\"requestId\":\"43a29c5c-3dbf-4fa4-9c26-f4f71023e120\"}");
    }

    static String encoded(String alias) {
        return URLEncoder.encode(alias, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
