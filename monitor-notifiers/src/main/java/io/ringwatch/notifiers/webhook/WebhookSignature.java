package io.ringwatch.notifiers.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request body with HMAC-SHA256 under the channel's secret. The signed bytes are the
 * timestamp in decimal (epoch seconds, ASCII), a dot, then the body exactly as sent; the
 * result is {@code sha256=} followed by the MAC in lower-case hex. Binding the timestamp lets
 * a receiver refuse old requests played again. Thread-safe: each call uses its own {@link Mac}.
 * {@link #toString()} never shows the secret.
 */
final class WebhookSignature {
    static final String ALGORITHM = "HmacSHA256";
    static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    /**
     * @param secret the shared secret, used as its UTF-8 bytes, as given
     * @throws IllegalArgumentException if {@code secret} is empty
     * @throws NullPointerException if {@code secret} is null
     */
    WebhookSignature(String secret) {
        this.key = new SecretKeySpec(Objects.requireNonNull(secret, "secret").getBytes(UTF_8), ALGORITHM);
    }

    /**
     * Signs {@code timestamp + "." + body}.
     *
     * @param timestamp the value of the timestamp header, in epoch seconds
     * @param body the request body, exactly as it is sent
     * @return {@code sha256=<64 hex digits>}
     */
    String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, so this does not happen.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[" + ALGORITHM + "]";
    }
}
