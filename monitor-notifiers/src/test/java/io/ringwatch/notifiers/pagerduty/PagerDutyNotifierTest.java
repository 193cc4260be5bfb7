package io.ringwatch.notifiers.pagerduty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The PagerDuty notifier")
class PagerDutyNotifierTest extends NotifierCompatibilityKit {
    static final String ROUTING_KEY = "R0ut1ngK3yOfTheKitIntegration01";
    static final String ACCEPTED = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"k\"}";

    @RegisterExtension
    static WireMockExtension pagerDuty = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void pagerDutyAcceptsEvents() {
        pagerDuty.stubFor(enqueue().willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(ACCEPTED)));
    }

    @Override
    protected NotifierProvider provider() {
        return new PagerDutyNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-pager", Map.of("routing-key", ROUTING_KEY, "api-url", pagerDuty.baseUrl(),
                "group", "eu-farm", "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        RequestPatternBuilder event = postRequestedFor(urlEqualTo("/v2/enqueue"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.routing_key", equalTo(ROUTING_KEY)))
                .withRequestBody(matchingJsonPath("$.dedup_key", equalTo(sent.incidentKey())));
        if (sent.kind() == NotificationKind.RECOVERY) {
            pagerDuty.verify(event.withRequestBody(matchingJsonPath("$.event_action", equalTo("resolve"))));
        } else if (sent.kind() == NotificationKind.ACKNOWLEDGED) {
            pagerDuty.verify(event.withRequestBody(matchingJsonPath("$.event_action", equalTo("acknowledge")))
                    .withRequestBody(notMatching(".*\"payload\".*")));
        } else {
            pagerDuty.verify(event.withRequestBody(matchingJsonPath("$.event_action", equalTo("trigger")))
                    .withRequestBody(matchingJsonPath("$.payload.summary", equalTo(sent.headline())))
                    .withRequestBody(matchingJsonPath("$.payload.source", equalTo(sent.target().node().value())))
                    .withRequestBody(matchingJsonPath("$.payload.severity", equalTo(PagerDutyEvent.severityOf(sent.severity()))))
                    .withRequestBody(matchingJsonPath("$.payload.timestamp", equalTo(sent.at().toString())))
                    .withRequestBody(matchingJsonPath("$.payload.group", equalTo("eu-farm")))
                    .withRequestBody(matchingJsonPath("$.payload.custom_details.reason", equalTo(sent.reason())))
                    .withRequestBody(matchingJsonPath("$.payload.custom_details.text", equalTo(sent.text()))));
        }
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(ROUTING_KEY);
    }

    /** PagerDuty answers 500 to everything. */
    @Override
    protected void makeChannelFail() {
        pagerDuty.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    static MappingBuilder enqueue() {
        return post(urlEqualTo("/v2/enqueue"));
    }
}
