package io.ringwatch.notifiers.pushover;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.notifiers.channel.ChannelText;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The form fields of one {@code POST /1/messages.json}: {@code token}, {@code user} (the
 * channel's user or group key, or a contact's), {@code title} (the headline, at most 250
 * characters), {@code message} ({@link Notification#text()}, at most 1024), {@code priority} from
 * the severity, {@code timestamp} (when the notification was made) and, when set, {@code device}
 * (for the channel's user only: device names are the user's own), {@code sound}, and
 * {@code retry} with {@code expire} for emergency priority. Priorities: critical 1 (high: sounds
 * even in quiet hours), or 2 (emergency: repeated until acknowledged in the app) for a DOWN alert
 * or escalation when the channel asks for it; warning 0; information -1 (quiet), and so is an
 * acknowledgement, whatever its severity: it tells that someone is on it, nobody else need act.
 * Stateless.
 */
final class PushoverMessage {
    static final int MAX_TITLE = 250;
    static final int MAX_MESSAGE = 1024;

    private PushoverMessage() {
    }

    /** The priority, -1 to 2. */
    static int priority(Notification notification, PushoverSettings settings) {
        if (notification.kind() == NotificationKind.ACKNOWLEDGED) {
            return -1;
        }
        return switch (notification.severity()) {
            case CRITICAL -> isEmergency(notification, settings) ? 2 : 1;
            case WARNING -> 0;
            case INFORMATION -> -1;
        };
    }

    /**
     * The fields for the user or group of {@code userKey}, in order; they hold the key and the token.
     *
     * @param device the user's devices to send to, or empty for all of them
     */
    static Map<String, String> fields(Notification notification, PushoverSettings settings, String userKey,
            Optional<String> device) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", settings.appToken());
        fields.put("user", userKey);
        fields.put("title", ChannelText.cut(notification.headline(), MAX_TITLE));
        fields.put("message", ChannelText.cut(notification.text(), MAX_MESSAGE));
        int priority = priority(notification, settings);
        fields.put("priority", Integer.toString(priority));
        fields.put("timestamp", Long.toString(notification.at().getEpochSecond()));
        device.ifPresent(names -> fields.put("device", names));
        settings.sound().ifPresent(sound -> fields.put("sound", sound));
        if (priority == 2) {
            PushoverSettings.Emergency emergency = settings.emergency().orElseThrow();
            fields.put("retry", Long.toString(emergency.retry().toSeconds()));
            fields.put("expire", Long.toString(emergency.expire().toSeconds()));
        }
        return fields;
    }

    /** The {@link #fields} as {@code application/x-www-form-urlencoded}, UTF-8. */
    static byte[] form(Notification notification, PushoverSettings settings, String userKey, Optional<String> device) {
        return fields(notification, settings, userKey, device).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), UTF_8) + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&")).getBytes(UTF_8);
    }

    private static boolean isEmergency(Notification notification, PushoverSettings settings) {
        boolean downAlert = notification.current() == Status.DOWN
                && (notification.kind() == NotificationKind.ALERT || notification.kind() == NotificationKind.ESCALATION);
        return downAlert && settings.emergency().isPresent();
    }
}
