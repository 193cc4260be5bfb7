package io.ringwatch.notifiers.opsgenie;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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

    @RegisterExtension
    static WireMockExtension opsgenie = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void opsgenieAcceptsAlertRequests() {
        opsgenie.stubFor(post(urlEqualTo("/v2/alerts")).willReturn(accepted()));
        opsgenie.stubFor(post(urlPathMatching("/v2/alerts/[^/]+/close")).willReturn(accepted()));
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
        if (sent.kind() == NotificationKind.RECOVERY) {
            opsgenie.verify(postRequestedFor(urlEqualTo("/v2/alerts/" + encoded(sent.incidentKey()) + "/close?identifierType=alias"))
                    .withHeader("Authorization", equalTo("GenieKey " + API_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(matchingJsonPath("$.note", equalTo(sent.text()))));
        } else {
            opsgenie.verify(postRequestedFor(urlEqualTo("/v2/alerts"))
                    .withHeader("Authorization", equalTo("GenieKey " + API_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(matchingJsonPath("$.message", equalTo(ChannelText.cut(sent.headline(), 130))))
                    .withRequestBody(matchingJsonPath("$.alias", equalTo(sent.incidentKey())))
                    .withRequestBody(matchingJsonPath("$.description", equalTo(sent.text())))
                    .withRequestBody(matchingJsonPath("$.priority", equalTo(OpsgenieRequest.priorityOf(sent.severity()))))
                    .withRequestBody(matchingJsonPath("$.details.reason", equalTo(sent.reason()))));
        }
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
