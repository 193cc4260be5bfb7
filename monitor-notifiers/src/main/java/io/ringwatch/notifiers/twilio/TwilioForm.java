package io.ringwatch.notifiers.twilio;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.notifiers.channel.ChannelText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The form ({@code application/x-www-form-urlencoded}, UTF-8) that creates one call or one
 * text message for one recipient: {@code To}, {@code From}, and {@code Twiml} for a call
 * ({@link TwiML}) or {@code Body} for a text, which is the notification's full text (for an
 * acknowledgement, the headline and who acknowledged it) cut to {@value #MAX_SMS} characters.
 * Stateless and thread-safe.
 */
final class TwilioForm {
    /** The longest text message: two to five SMS segments, depending on the alphabet. */
    static final int MAX_SMS = 320;

    private TwilioForm() {
    }

    /** The form's fields, in order. */
    static Map<String, String> fields(Notification notification, TwilioSettings settings, String to) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("To", to);
        fields.put("From", settings.from());
        switch (settings.mode()) {
            case CALL -> fields.put("Twiml", TwiML.of(notification, settings.ackUrl()));
            case SMS -> fields.put("Body", smsBody(notification));
        }
        return fields;
    }

    /** The fields encoded as {@code To=%2B1555…&From=…&Body=…}. */
    static String encoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * What a text message says, cut to {@value #MAX_SMS} characters: the notification's text; for
     * an acknowledgement, shorter, the headline and the line that says who acknowledged it:
     * {@code CRITICAL: acknowledged: orders-api DOWN on node n3 since …\nacknowledged by alice: Ok, I got this one}.
     */
    static String smsBody(Notification notification) {
        String text = notification.kind() == NotificationKind.ACKNOWLEDGED
                ? notification.headline() + "\n" + notification.reason()
                : notification.text();
        return ChannelText.cut(text, MAX_SMS);
    }

    private static String encode(String text) {
        return URLEncoder.encode(ChannelText.wellFormed(text), StandardCharsets.UTF_8);
    }
}
