package io.ringwatch.notifiers.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.time.FakeClock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The receiver's check that docs/notifiers.md gives, run against what the notifier really sends. */
class ReceiverCheckTest {
    private static final String SECRET = "receiver-shared-secret";
    private static final Instant SENT_AT = Instant.parse("2031-02-03T04:05:28.5Z");

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private LoggedRequest request;

    @BeforeEach
    void receiveOneSignedNotification() throws Exception {
        receiver.stubFor(post(anyUrl()).willReturn(ok()));
        try (Notifier notifier = new WebhookNotifierProvider(FakeClock.at(SENT_AT)).create(NotifierSettings.of("hook",
                Map.of("url", "http://127.0.0.1:" + receiver.getPort() + "/ringwatch", "secret", SECRET)))) {
            notifier.send(sampleWithAwkwardText());
        }
        request = receiver.getAllServeEvents().get(0).getRequest();
    }

    @Test
    void acceptsWhatTheNotifierSent() throws Exception {
        assertThat(isAuthentic(SECRET, timestamp(), signature(), request.getBody(), SENT_AT.plusSeconds(2))).isTrue();
    }

    @Test
    void refusesAnotherSecret() throws Exception {
        assertThat(isAuthentic("guessed", timestamp(), signature(), request.getBody(), SENT_AT)).isFalse();
    }

    @Test
    void refusesABodyChangedOnTheWay() throws Exception {
        byte[] changed = Arrays.copyOf(request.getBody(), request.getBody().length);
        changed[10] ^= 1;

        assertThat(isAuthentic(SECRET, timestamp(), signature(), changed, SENT_AT)).isFalse();
    }

    @Test
    void refusesARequestPlayedAgainLater() throws Exception {
        Instant later = SENT_AT.plus(Duration.ofMinutes(6));

        assertThat(isAuthentic(SECRET, timestamp(), signature(), request.getBody(), later)).isFalse();
    }

    @Test
    void refusesARequestWithoutTheHeaders() throws Exception {
        assertThat(isAuthentic(SECRET, null, null, request.getBody(), SENT_AT)).isFalse();
    }

    private String timestamp() {
        return request.getHeader("X-Ringwatch-Timestamp");
    }

    private String signature() {
        return request.getHeader("X-Ringwatch-Signature");
    }

    // ---- as in docs/notifiers.md -------------------------------------------------------------

    /**
     * Whether a webhook request comes from Ringwatch with this secret, and is fresh.
     *
     * @param body the raw request body, byte for byte as received (not parsed and re-written)
     */
    static boolean isAuthentic(String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now)
            throws GeneralSecurityException {
        if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("-?\\d{1,18}")) {
            return false;
        }
        long timestamp = Long.parseLong(timestampHeader);
        if (Math.abs(now.getEpochSecond() - timestamp) > 300) {
            return false;                                   // older than 5 minutes: refuse a replay
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestampHeader + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signatureHeader.getBytes(StandardCharsets.UTF_8));   // constant time
    }
}
