package io.ringwatch.notifiers.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.OBSERVER;
import static io.ringwatch.testkit.notify.SampleNotifications.SINCE;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.testkit.time.FakeClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDeliveryTest {
    private static final String PATH = "/hooks/T000/B111/xoxo-path-token";
    private static final String SECRET = "it-is-a-secret-🔑";
    /** When the request goes out: a second and odd nanoseconds after the sample alert was made. */
    private static final Instant SENT_AT = Instant.parse("2031-02-03T04:05:28.123456789Z");
    /** The body of the sample alert, byte for byte, as docs/notifiers.md shows it. */
    private static final String ALERT_BODY = "{\"kind\":\"ALERT\",\"severity\":\"CRITICAL\",\"target\":\"n3/orders-api\","
            + "\"node\":\"n3\",\"service\":\"orders-api\",\"transition\":\"UP→DOWN\",\"previousStatus\":\"UP\","
            + "\"status\":\"DOWN\",\"reason\":\"connection refused\",\"observedBy\":\"n1\","
            + "\"since\":\"2031-02-03T04:05:06.789Z\",\"createdAt\":\"2031-02-03T04:05:27.789Z\","
            + "\"sentAt\":\"2031-02-03T04:05:28.123456789Z\",\"incidentKey\":\"n3/orders-api@2031-02-03T04:05:06.789Z\","
            + "\"headline\":\"CRITICAL: orders-api DOWN on node n3\","
            + "\"text\":\"CRITICAL: orders-api DOWN on node n3\\nseen by n1: connection refused\\n"
            + "incident n3/orders-api@2031-02-03T04:05:06.789Z\"}";

    @RegisterExtension
    static WireMockExtension receiver = localProvider();

    private final FakeClock clock = FakeClock.at(SENT_AT);
    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsEveryValueOfTheNotificationAsJson() throws Exception {
        receiver.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson(ALERT_BODY))
                .willReturn(ok()));
        notifier = webhook(Map.of());

        notifier.send(sampleAlert());

        assertThat(receivedBody()).isEqualTo(ALERT_BODY);
    }

    @Test
    void signsTheTimestampAndTheExactBodyWithTheSecret() throws Exception {
        long timestamp = SENT_AT.getEpochSecond();
        receiver.stubFor(post(urlEqualTo(PATH))
                .withHeader(WebhookNotifier.TIMESTAMP, equalTo("1927857928"))
                .withHeader(WebhookNotifier.SIGNATURE, equalTo("sha256=" + hmacSha256Hex(SECRET, timestamp + "." + ALERT_BODY)))
                .willReturn(ok()));
        notifier = webhook(Map.of("secret", SECRET));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void sendsNoSignatureWithoutASecret() throws Exception {
        receiver.stubFor(post(urlEqualTo(PATH))
                .withHeader(WebhookNotifier.SIGNATURE, absent())
                .withHeader(WebhookNotifier.TIMESTAMP, absent())
                .willReturn(ok()));
        notifier = webhook(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void aNodeHasNoService() throws Exception {
        TargetId node = TargetId.node(NodeId.of("n3"));
        Notification nodeDown = sampleAlert().toBuilder().target(node).incidentKey(node + "@" + SINCE).build();
        receiver.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(equalToJson("{\"target\":\"n3\",\"node\":\"n3\",\"service\":null,"
                        + "\"headline\":\"CRITICAL: node n3 DOWN\",\"incidentKey\":\"n3@2031-02-03T04:05:06.789Z\"}", false, true))
                .willReturn(ok()));
        notifier = webhook(Map.of());

        assertThatCode(() -> notifier.send(nodeDown)).doesNotThrowAnyException();
    }

    @Test
    void aReminderShowsTheStatusItStaysIn() throws Exception {
        Notification reminder = sampleAlert().toBuilder().kind(io.ringwatch.api.NotificationKind.REMINDER)
                .previous(Status.DOWN).observer(OBSERVER).build();
        receiver.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("REMINDER")))
                .withRequestBody(matchingJsonPath("$.transition", equalTo("DOWN→DOWN")))
                .withRequestBody(matchingJsonPath("$.headline", equalTo("CRITICAL: still orders-api DOWN on node n3 since "
                        + SINCE)))
                .willReturn(ok()));
        notifier = webhook(Map.of());

        assertThatCode(() -> notifier.send(reminder)).doesNotThrowAnyException();
    }

    @Test
    void writesOtherScriptsAndEmojiAsUtf8() throws Exception {
        receiver.stubFor(post(anyUrl()).willReturn(ok()));
        notifier = webhook(Map.of());

        notifier.send(sampleWithAwkwardText());

        assertThat(receivedBody()).contains("Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻")
                .contains("\\\"Service Unavailable\\\"")
                .doesNotContain("\\u");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void anyTwoHundredAnswerIsADelivery(int status) {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));
        notifier = webhook(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 404, 401, 429, 302})
    void anyOtherAnswerIsAFailureNamingTheStatusButNotTheUrl(int status) {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://127.0.0.1:" + receiver.getPort() + "/elsewhere")));
        notifier = webhook(Map.of("secret", SECRET));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'team-chat': the webhook answered HTTP " + status);
        assertThat(receiver.getAllServeEvents()).as("requests; a redirect is not followed").hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerIsAFailureAfterTheTimeout() {
        receiver.stubFor(post(anyUrl()).willReturn(ok().withFixedDelay(30_000)));
        notifier = webhook(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'team-chat': the webhook did not answer within 300 ms");
    }

    @Test
    void aBodyThatTricklesInIsBoundedByTheTimeoutToo() {
        receiver.stubFor(post(anyUrl()).willReturn(ok().withBody("x".repeat(100)).withChunkedDribbleDelay(50, 30_000)));
        notifier = webhook(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'team-chat': the webhook did not answer within 300 ms");
    }

    @Test
    void aReceiverThatIsNotListeningIsAFailureNamingNeitherTheUrlNorTheToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        notifier = new WebhookNotifierProvider(clock).create(NotifierSettings.of("team-chat",
                Map.of("url", "http://127.0.0.1:" + closedPort + PATH, "secret", SECRET)));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'team-chat': could not reach the webhook: ConnectException")
                .hasNoCause()
                .satisfies(e -> assertThat(e.toString()).doesNotContain(PATH, "xoxo-path-token", SECRET));
    }

    @Test
    void anInterruptedSenderGivesUpAtOnce() {
        receiver.stubFor(post(anyUrl()).willReturn(ok().withFixedDelay(30_000)));
        notifier = webhook(Map.of());

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> notifier.send(sampleAlert())).isInstanceOf(InterruptedException.class);
            } finally {
                Thread.interrupted();
            }
        });
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = webhook(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'team-chat' is closed");
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    private Notifier webhook(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("url", "http://127.0.0.1:" + receiver.getPort() + PATH);
        return new WebhookNotifierProvider(clock).create(NotifierSettings.of("team-chat", settings));
    }

    private static String receivedBody() {
        assertThat(receiver.getAllServeEvents()).as("requests received").hasSize(1);
        return new String(receiver.getAllServeEvents().get(0).getRequest().getBody(), UTF_8);
    }

    /** HMAC-SHA256 computed here with the JDK alone, as a receiver would. */
    private static String hmacSha256Hex(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(UTF_8)));
    }
}
