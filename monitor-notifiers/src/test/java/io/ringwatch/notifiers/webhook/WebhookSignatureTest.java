package io.ringwatch.notifiers.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /**
     * The expected value was computed with
     * {@code printf '1700000000.{"kind":"ALERT"}' | openssl dgst -sha256 -hmac 'it-is-a-secret'},
     * the check docs/notifiers.md gives receivers.
     */
    @Test
    void signsTheTimestampADotAndTheBodyAsOpensslDoes() {
        WebhookSignature signature = new WebhookSignature("it-is-a-secret");

        assertThat(signature.sign(1_700_000_000L, "{\"kind\":\"ALERT\"}".getBytes(UTF_8)))
                .isEqualTo("sha256=475cd0d7ae2fef386a82b39d833f7fc914d68b496f769ee0b5026b4aba4959a9");
    }

    @Test
    void givesAnotherSignatureForAnotherTimestampSoThatAnOldRequestCannotBeReplayedAsNew() {
        WebhookSignature signature = new WebhookSignature("it-is-a-secret");
        byte[] body = "{\"kind\":\"ALERT\"}".getBytes(UTF_8);

        assertThat(signature.sign(1_700_000_001L, body)).isNotEqualTo(signature.sign(1_700_000_000L, body));
    }

    @Test
    void signsATimestampBeforeTheEpochToo() {
        assertThat(new WebhookSignature("it-is-a-secret").sign(-1L, new byte[0])).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(new WebhookSignature("it-is-a-secret")).hasToString("WebhookSignature[HmacSHA256]");
    }
}
