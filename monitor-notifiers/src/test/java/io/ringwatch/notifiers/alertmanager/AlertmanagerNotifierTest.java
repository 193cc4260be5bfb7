package io.ringwatch.notifiers.alertmanager;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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

@DisplayName("The Alertmanager notifier")
class AlertmanagerNotifierTest extends NotifierCompatibilityKit {
    private static final String PASSWORD = "am-pa55-4e1f";
    private static final String USER = "ringwatch";
    private static final String BASIC = "Basic cmluZ3dhdGNoOmFtLXBhNTUtNGUxZg=="; // ringwatch:am-pa55-4e1f

    @RegisterExtension
    static WireMockExtension alertmanager = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void alertmanagerTakesAlerts() {
        alertmanager.stubFor(post("/api/v2/alerts").willReturn(ok()));
    }

    @Override
    protected NotifierProvider provider() {
        return new AlertmanagerNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-am", Map.of("url", alertmanager.baseUrl(), "username", USER,
                "password", PASSWORD, "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        String kind = sent.kind() == NotificationKind.RECOVERY ? "[?(@.endsAt)]" : "[0]";
        String acknowledged = sent.kind() == NotificationKind.ACKNOWLEDGED ? sent.reason() : null;
        alertmanager.verify(postRequestedFor(urlEqualTo("/api/v2/alerts"))
                .withRequestBody(matchingJsonPath("$" + kind + ".annotations.acknowledged",
                        acknowledged == null ? absent() : equalTo(acknowledged)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(matchingJsonPath("$" + kind + ".labels.incident", equalTo(sent.incidentKey())))
                .withRequestBody(matchingJsonPath("$" + kind + ".labels.node", equalTo(sent.target().node().value())))
                .withRequestBody(matchingJsonPath("$" + kind + ".annotations.summary", equalTo(sent.headline())))
                .withRequestBody(matchingJsonPath("$" + kind + ".annotations.description", equalTo(sent.text()))));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(PASSWORD, BASIC.substring("Basic ".length()));
    }

    /** Alertmanager answers 500 to everything. */
    @Override
    protected void makeChannelFail() {
        alertmanager.stubFor(post(anyUrl()).willReturn(serverError()));
    }
}
