package io.ringwatch.notifiers.matrix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleReminder;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixDeliveryTest {
    private static final String TOKEN = "syt_ZGVsaXZlcnk_deliveryToken_9z8y7x";
    private static final String SEND = "/_matrix/client/v3/rooms/%21AbCdEf%3Amatrix.example.org/send/m.room.message/";

    @RegisterExtension
    static WireMockExtension homeserver = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void putsAnMTextEventIntoTheRoomWithThePlainAndTheHtmlText() throws Exception {
        homeserver.stubFor(put(urlPathMatching("/_matrix/client/v3/rooms/%21AbCdEf%3Amatrix\\.example\\.org/send/m\\.room\\.message/ringwatch-[0-9a-f]{32}"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"msgtype\":\"m.text\",\"format\":\"org.matrix.custom.html\","
                        + "\"body\":\"CRITICAL: orders-api DOWN on node n3\\nseen by n1: connection refused\\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z\","
                        + "\"formatted_body\":\"<strong>CRITICAL: orders-api DOWN on node n3</strong><br>seen by n1: "
                        + "connection refused<br>incident n3/orders-api@2031-02-03T04:05:06.789Z\"}"))
                .willReturn(okJson("{\"event_id\":\"$YUwRidLecu:example.com\"}")));
        notifier = matrix(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void aRecoveryIsAnMNotice() throws Exception {
        homeserver.stubFor(put(anyUrl()).willReturn(okJson("{\"event_id\":\"$e\"}")));
        notifier = matrix(Map.of());

        notifier.send(sampleRecovery());

        assertThat(requests().get(0).getBodyAsString()).contains("\"msgtype\":\"m.notice\"");
    }

    @Test
    void anAcknowledgementIsAnMNoticeShowingWhoAcknowledgedIt() throws Exception {
        homeserver.stubFor(put(anyUrl()).willReturn(okJson("{\"event_id\":\"$e\"}")));
        notifier = matrix(Map.of());

        notifier.send(sampleAcknowledgement());

        assertThat(requests().get(0).getBodyAsString()).isEqualToIgnoringWhitespace("{\"msgtype\":\"m.notice\","
                + "\"body\":\"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\\n"
                + "acknowledged by alice: Ok, I got this one\\nincident n3/orders-api@2031-02-03T04:05:06.789Z\","
                + "\"format\":\"org.matrix.custom.html\",\"formatted_body\":\"<strong>CRITICAL: acknowledged: orders-api DOWN "
                + "on node n3 since 2031-02-03T04:05:06.789Z</strong><br>acknowledged by alice: Ok, I got this one"
                + "<br>incident n3/orders-api@2031-02-03T04:05:06.789Z\"}");
    }

    @Test
    void sendsToAContactsRoomWithItsIdEncodedAsOnePathSegment() throws Exception {
        homeserver.stubFor(put(urlPathMatching("/_matrix/client/v3/rooms/%21q%2F7%2BRz%3Fx%3D1%23y%3Aexample\\.org"
                        + "/send/m\\.room\\.message/ringwatch-[0-9a-f]{32}"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"msgtype\":\"m.text\",\"format\":\"org.matrix.custom.html\","
                        + "\"body\":\"CRITICAL: orders-api DOWN on node n3\\nseen by n1: connection refused\\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z\","
                        + "\"formatted_body\":\"<strong>CRITICAL: orders-api DOWN on node n3</strong><br>seen by n1: "
                        + "connection refused<br>incident n3/orders-api@2031-02-03T04:05:06.789Z\"}"))
                .willReturn(okJson("{\"event_id\":\"$dm\"}")));
        notifier = matrix(Map.of());

        assertThat(notifier.sendsToAddresses()).isTrue();
        assertThatCode(() -> notifier.send(sampleAlert(), new Recipient("alice", "!q/7+Rz?x=1#y:example.org")))
                .doesNotThrowAnyException();
        assertThat(requests()).noneSatisfy(request -> assertThat(request.getUrl()).startsWith(SEND));
    }

    @Test
    void oneNotificationToTheChannelsRoomAndToAContactsHasTwoTransactions() throws Exception {
        homeserver.stubFor(put(anyUrl()).willReturn(okJson("{\"event_id\":\"$e\"}")));
        notifier = matrix(Map.of());

        notifier.send(sampleAlert());
        notifier.send(sampleAlert(), new Recipient("alice", "!dm-alice:example.org"));

        List<String> transactions = requests().stream().map(request -> request.getUrl().replaceAll(".*/", "")).toList();
        assertThat(transactions).doesNotHaveDuplicates().hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "#alice:example.org | must be a room id starting with '!', not an alias starting with '#' "
                    + "(Element shows the id under Room settings, Advanced)",
            "@alice:example.org | must be a room id such as !abcdefgh:example.org",
            "'!dm alice:example.org' | must be a room id such as !abcdefgh:example.org"})
    void refusesAnAddressThatIsNotARoomIdNamingTheContactButNotTheAddress(String address, String problem) {
        notifier = matrix(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", address)))
                .withMessage("channel 'mx': the address of contact 'alice' " + problem);
        assertThat(homeserver.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusalInAContactsRoomDoesNotQuoteTheAddress() {
        homeserver.stubFor(any(anyUrl()).willReturn(okJson(
                "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"User @bot:example.org not in room !dm-alice:example.org\"}")
                .withStatus(403)));
        notifier = matrix(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "!dm-alice:example.org")))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'mx': the Matrix homeserver answered HTTP 403: M_FORBIDDEN: "
                        + "User @bot:example.org not in room …");
    }

    @Test
    void eachNotificationHasItsOwnTransactionAndARetryReusesIt() throws Exception {
        homeserver.stubFor(put(anyUrl()).willReturn(okJson("{\"event_id\":\"$e\"}")));
        notifier = matrix(Map.of());

        notifier.send(sampleAlert());
        notifier.send(sampleReminder());
        notifier.send(sampleAlert());

        List<String> urls = requests().stream().map(LoggedRequest::getUrl).toList();
        assertThat(urls).allSatisfy(url -> assertThat(url).startsWith(SEND));
        assertThat(urls.get(0)).as("two notifications").isNotEqualTo(urls.get(1));
        assertThat(urls.get(2)).as("the same notification sent again: the homeserver stores it once").isEqualTo(urls.get(0));
    }

    @Test
    void escapesMarkupInTheHtmlAndKeepsThePlainBodyAsItIs() throws Exception {
        homeserver.stubFor(put(anyUrl()).willReturn(okJson("{\"event_id\":\"$e\"}")));
        notifier = matrix(Map.of());

        notifier.send(sampleWithAwkwardText());

        String body = requests().get(0).getBodyAsString();
        assertThat(body).contains("&lt;b&gt;&amp;amp;&lt;/b&gt;", "&quot;Service Unavailable&quot;", "<b>&amp;</b>",
                "Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻");
    }

    @Test
    void anErrorAnswerIsAFailureNamingTheErrcodeAndError() {
        homeserver.stubFor(any(anyUrl()).willReturn(okJson(
                "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"User @bot:example.org not in room !AbCdEf:matrix.example.org\"}").withStatus(403)));
        notifier = matrix(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'mx': the Matrix homeserver answered HTTP 403: M_FORBIDDEN: "
                        + "User @bot:example.org not in room !AbCdEf:matrix.example.org");
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        homeserver.stubFor(any(anyUrl()).willReturn(okJson(
                "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many requests\",\"retry_after_ms\":2000}").withStatus(429)));
        notifier = matrix(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'mx': the Matrix homeserver answered HTTP 429: M_LIMIT_EXCEEDED: Too many requests "
                        + "(retry after 2000 ms)");
    }

    @Test
    void anAnswerWithoutAMatrixErrorNamesTheStatusOnly() {
        homeserver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        notifier = matrix(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'mx': the Matrix homeserver answered HTTP 502");
    }

    @Test
    void aHomeserverThatDoesNotAnswerIsAFailureAfterTheTimeout() {
        homeserver.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(30_000)));
        notifier = matrix(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'mx': the Matrix homeserver did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = matrix(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'mx' is closed");
        assertThat(homeserver.getAllServeEvents()).isEmpty();
    }

    private static List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new java.util.ArrayList<>(homeserver.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(anyUrl())));
        return requests;
    }

    private Notifier matrix(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("homeserver", "http://127.0.0.1:" + homeserver.getPort());
        settings.put("access-token", TOKEN);
        settings.put("room-id", "!AbCdEf:matrix.example.org");
        return new MatrixNotifierProvider().create(NotifierSettings.of("mx", settings));
    }
}
