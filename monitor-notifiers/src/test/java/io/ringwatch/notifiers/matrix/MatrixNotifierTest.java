package io.ringwatch.notifiers.matrix;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The matrix notifier")
class MatrixNotifierTest extends NotifierCompatibilityKit {
    private static final String TOKEN = "syt_cmluZ3dhdGNo_kitAccessToken_1a2b3c";
    private static final String ROOM = "!ops:example.org";
    private static final String ROOM_PATH = "/_matrix/client/v3/rooms/%21ops%3Aexample.org/send/m.room.message/";

    @RegisterExtension
    static WireMockExtension homeserver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void homeserverAcceptsEvents() {
        homeserver.stubFor(put(urlPathMatching("/_matrix/client/v3/rooms/[^/]+/send/m\\.room\\.message/[^/]+"))
                .willReturn(okJson("{\"event_id\":\"$kit-event\"}")));
    }

    @Override
    protected NotifierProvider provider() {
        return new MatrixNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-matrix", Map.of("homeserver", "http://127.0.0.1:" + homeserver.getPort(),
                "access-token", TOKEN, "room-id", ROOM, "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        homeserver.verify(event(sent, ROOM, ROOM_PATH));
    }

    /** A direct chat of the sending user with the contact. */
    @Override
    protected String sampleAddress() {
        return "!dm-alice:example.org";
    }

    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        homeserver.verify(1, event(sent, address, "/_matrix/client/v3/rooms/%21dm-alice%3Aexample.org/send/m.room.message/"));
        homeserver.verify(0, anyRequestedFor(urlPathMatching(Pattern.quote(ROOM_PATH) + ".*")));
    }

    private static RequestPatternBuilder event(Notification sent, String roomId, String roomPath) {
        return putRequestedFor(urlEqualTo(roomPath + MatrixMessage.transactionId(sent, roomId)))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.msgtype", equalTo(MatrixMessage.msgtype(sent))))
                .withRequestBody(matchingJsonPath("$.body", equalTo(sent.text())))
                .withRequestBody(matchingJsonPath("$.format", equalTo("org.matrix.custom.html")))
                .withRequestBody(matchingJsonPath("$.formatted_body", equalTo(MatrixMessage.html(sent))));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    /** The homeserver refuses everything, as it does with a logged-out token. */
    @Override
    protected void makeChannelFail() {
        homeserver.stubFor(any(anyUrl()).willReturn(okJson("{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"Invalid access token passed.\"}")
                .withStatus(401)));
    }
}
