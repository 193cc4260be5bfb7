package io.ringwatch.notifiers.twilio;

import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Takes the key a callee pressed during a call: Twilio posts it (the {@code <Gather>}'s action,
 * the {@code ack-url} with {@code incident=<key>} added) to the node's endpoint, which hands it
 * here. The request must carry Twilio's {@code X-Twilio-Signature}: the Base64 HMAC-SHA1, keyed
 * with the account's auth token, of the URL Twilio called followed by each form parameter's
 * name and value in name order; otherwise it is answered 403. A {@code 1} is an {@code ack} of
 * the incident by the callee, known by the call's {@code To} number (their address on the
 * channel); the conversation's answer is read back to them. Thread-safe.
 */
final class TwilioKeypress implements CallbackReceiver {
    private static final System.Logger LOG = System.getLogger(TwilioKeypress.class.getName());
    private static final String XML = "text/xml; charset=utf-8";

    private final TwilioSettings settings;
    private final URI ackUrl;
    private final Clock clock;

    TwilioKeypress(TwilioSettings settings, URI ackUrl, Clock clock) {
        this.settings = settings;
        this.ackUrl = ackUrl;
        this.clock = clock;
    }

    @Override
    public Answer receive(Request request, Conversation conversation) {
        Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
        String called = URI.create(ackUrl.getScheme() + "://" + ackUrl.getRawAuthority()).toString()
                + Optional.ofNullable(ackUrl.getRawPath()).orElse("") + (request.query().isEmpty() ? "" : "?" + request.query());
        if (!signedByTwilio(called, form, request.header("X-Twilio-Signature").orElse(""))) {
            LOG.log(System.Logger.Level.WARNING, "channel ''{0}'': a callback without a valid Twilio signature was refused",
                    settings.channel());
            return new Answer(403, "text/plain; charset=utf-8", "forbidden");
        }
        Optional<String> incident = Optional.ofNullable(form(request.query()).get("incident"));
        String callee = form.getOrDefault("To", form.getOrDefault("Called", ""));
        if (!"1".equals(form.get("Digits")) || incident.isEmpty() || callee.isBlank()) {
            return twiml("Not acknowledged. Goodbye.");
        }
        String answer = conversation.received(new InboundMessage(settings.channel(), callee, "ack", incident, clock.instant()));
        return answer.isEmpty() ? new Answer(200, XML, "<Response></Response>") : twiml(answer);
    }

    private boolean signedByTwilio(String url, Map<String, String> form, String signature) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(settings.authToken().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", impossible);
        }
    }

    /** {@code application/x-www-form-urlencoded} (or a query string) as names and values; the first of repeated names wins. */
    static Map<String, String> form(String encoded) {
        Map<String, String> values = new TreeMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static Answer twiml(String text) {
        return new Answer(200, XML, "<Response><Say>" + TwiML.escape(text.replace('\n', ' ')) + "</Say></Response>");
    }

    @Override
    public String toString() {
        return "TwilioKeypress[channel=" + settings.channel() + "]";
    }
}
