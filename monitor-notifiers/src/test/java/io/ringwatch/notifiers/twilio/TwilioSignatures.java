package io.ringwatch.notifiers.twilio;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a callback as Twilio does, for tests: checked against Twilio's published example in {@link TwilioKeypressTest}. */
final class TwilioSignatures {
    private TwilioSignatures() {
    }

    static String sign(String authToken, String url, Map<String, String> form) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
