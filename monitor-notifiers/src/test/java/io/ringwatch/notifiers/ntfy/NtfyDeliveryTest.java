package io.ringwatch.notifiers.ntfy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertClosedRefusesToSend;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertFailsWithoutSecrets;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.assertTimesOut;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleFlapping;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NtfyDeliveryTest {
    private static final String TOPIC = "ops-alerts-7Hk2";
    private static final String CONTACT_TOPIC = "alice-phone-V9c3";

    @RegisterExtension
    static WireMockExtension ntfy = localProvider();

    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void postsTheTextToTheTopicWithTitlePriorityAndTags() {
        ntfy.stubFor(post(urlEqualTo("/" + TOPIC))
                .withHeader("Title", equalTo("CRITICAL: orders-api DOWN on node n3"))
                .withHeader("Priority", equalTo("5"))
                .withHeader("Tags", equalTo("rotating_light,alert"))
                .withHeader("Content-Type", equalTo("text/plain; charset=UTF-8"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("CRITICAL: orders-api DOWN on node n3\nseen by n1: connection refused\n"
                        + "incident n3/orders-api@2031-02-03T04:05:06.789Z"))
                .willReturn(okJson("{\"id\":\"x\"}")));
        notifier = ntfy(Map.of());

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"RECOVERY, 3, 'white_check_mark,recovery'", "FLAPPING, 4, 'warning,flapping'",
            "ACKNOWLEDGED, 3, 'eyes,acknowledged'"})
    void mapsTheSeverityToAPriorityAndAnEmoji(String kind, String priority, String tags) {
        Notification sent = switch (kind) {
            case "RECOVERY" -> sampleRecovery();
            case "ACKNOWLEDGED" -> sampleAcknowledgement();
            default -> sampleFlapping();
        };
        ntfy.stubFor(post(urlEqualTo("/" + TOPIC)).withHeader("Priority", equalTo(priority))
                .withHeader("Tags", equalTo(tags)).willReturn(okJson("{}")));
        notifier = ntfy(Map.of());

        assertThatCode(() -> notifier.send(sent)).doesNotThrowAnyException();
    }

    @Test
    void anAcknowledgementSaysWhoIsOnItAtDefaultPriority() {
        ntfy.stubFor(post(urlEqualTo("/" + TOPIC))
                .withHeader("Title", equalTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z"))
                .withHeader("Priority", equalTo("3"))
                .withHeader("Tags", equalTo("eyes,acknowledged"))
                .withRequestBody(equalTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\n"
                        + "acknowledged by alice: Ok, I got this one\nincident n3/orders-api@2031-02-03T04:05:06.789Z"))
                .willReturn(okJson("{\"id\":\"x\"}")));
        notifier = ntfy(Map.of());

        assertThatCode(() -> notifier.send(sampleAcknowledgement())).doesNotThrowAnyException();
    }

    @Test
    void sentToAContactPublishesToTheContactsTopicOnTheSameServerWithTheSameLogin() {
        String basic = Base64.getEncoder().encodeToString("alice:s3cr3t-pw".getBytes(UTF_8));
        ntfy.stubFor(post(urlEqualTo("/" + CONTACT_TOPIC))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Title", equalTo("CRITICAL: orders-api DOWN on node n3"))
                .withHeader("Priority", equalTo("5"))
                .willReturn(okJson("{\"id\":\"x\"}")));
        notifier = ntfy(Map.of("username", "alice", "password", "s3cr3t-pw"));

        assertThat(notifier.sendsToAddresses()).isTrue();
        assertThatCode(() -> notifier.send(sampleAlert(), new Recipient("alice", CONTACT_TOPIC))).doesNotThrowAnyException();
        assertThat(ntfy.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice/phone", "alice phone", "../admin", "a-topic-longer-than-the-64-characters-ntfy-accepts-for-a-topic-name"})
    void refusesAnAddressThatIsNotATopicWithoutShowingIt(String address) {
        notifier = ntfy(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", address)))
                .withMessage("channel 'push': the address of contact 'alice' must be an ntfy topic: 1 to 64 letters, digits, '-' or '_'");
        assertThat(ntfy.getAllServeEvents()).isEmpty();
    }

    @Test
    void anErrorThatQuotesTheContactsTopicDoesNotShowIt() {
        ntfy.stubFor(post(anyUrl()).willReturn(okJson("{\"code\":40301,\"http\":403,\"error\":\"forbidden: "
                + CONTACT_TOPIC + "\"}").withStatus(403)));
        notifier = ntfy(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", CONTACT_TOPIC)))
                .hasMessage("channel 'push': ntfy answered HTTP 403: forbidden: …");
    }

    @Test
    void encodesATitleBeyondAsciiAsRfc2047() throws Exception {
        ntfy.stubFor(post(anyUrl()).willReturn(okJson("{}")));
        notifier = ntfy(Map.of());
        Notification notice = sampleNotice().toBuilder().reason("n1 ne voit plus n3 — réseau ? 🚨").build();

        notifier.send(notice);

        String title = ntfy.getAllServeEvents().get(0).getRequest().getHeader("Title");
        assertThat(title).startsWith("=?UTF-8?B?").endsWith("?=");
        assertThat(new String(Base64.getDecoder().decode(title.substring(10, title.length() - 2)), UTF_8))
                .isEqualTo("WARNING: n1 ne voit plus n3 — réseau ? 🚨");
    }

    @Test
    void logsInWithAUserAndPasswordAsBasicAuth() {
        String basic = Base64.getEncoder().encodeToString("alice:s3cr3t-pw".getBytes(UTF_8));
        ntfy.stubFor(post(urlEqualTo("/" + TOPIC)).withHeader("Authorization", equalTo("Basic " + basic)).willReturn(okJson("{}")));
        notifier = ntfy(Map.of("username", "alice", "password", "s3cr3t-pw"));

        assertThatCode(() -> notifier.send(sampleAlert())).doesNotThrowAnyException();
    }

    @Test
    void anErrorAnswerIsAFailureNamingNtfysErrorButNotTheTopic() {
        ntfy.stubFor(post(anyUrl()).willReturn(okJson("{\"code\":40301,\"http\":403,\"error\":\"forbidden\"}").withStatus(403)));
        notifier = ntfy(Map.of("token", "tk_abcdefghijklmnopqrstuvwxyz012"));

        assertFailsWithoutSecrets(notifier, "channel 'push': ntfy answered HTTP 403: forbidden", TOPIC, "tk_abcdefghij");
    }

    @Test
    void anAnswerWithoutAnNtfyErrorNamesTheStatusOnly() {
        ntfy.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withBody("oops")));
        notifier = ntfy(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert())).hasMessage("channel 'push': ntfy answered HTTP 500");
    }

    @Test
    void aServerThatDoesNotAnswerIsAFailureAfterTheTimeout() {
        ntfy.stubFor(post(anyUrl()).willReturn(okJson("{}").withFixedDelay(30_000)));
        notifier = ntfy(Map.of("timeout", "300ms"));

        assertTimesOut(notifier, "channel 'push': ntfy did not answer within 300 ms");
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = ntfy(Map.of());

        assertClosedRefusesToSend(notifier, "channel 'push' is closed");
        assertThat(ntfy.getAllServeEvents()).isEmpty();
    }

    private Notifier ntfy(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("server", "http://127.0.0.1:" + ntfy.getPort());
        settings.put("topic", TOPIC);
        return new NtfyNotifierProvider().create(NotifierSettings.of("push", settings));
    }
}
