package io.ringwatch.notifiers.ntfy;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import java.util.Base64;
import java.util.Locale;

/**
 * What one publish to ntfy carries: the body is {@link Notification#text()} as UTF-8 text, the
 * {@code Title} its headline, the {@code Priority} from its severity (critical 5, "max";
 * warning 4, "high"; information 3, "default"; an acknowledgement 3 whatever its severity) and
 * the {@code Tags} an emoji for the severity, recovery or acknowledgement, then the kind in lower
 * case. A title with characters beyond ASCII is written as an RFC 2047 encoded word
 * ({@code =?UTF-8?B?…?=}), which ntfy decodes: HTTP headers carry ASCII only. Stateless.
 */
final class NtfyMessage {
    private NtfyMessage() {
    }

    /** The body: the notification's full text, UTF-8; half a character becomes '?'. */
    static byte[] body(Notification notification) {
        return notification.text().getBytes(UTF_8);
    }

    /** The {@code Title} header: the headline, encoded if it is not ASCII. */
    static String title(Notification notification) {
        return headerValue(notification.headline());
    }

    /**
     * The {@code Priority} header, 1 to 5: 5 for critical, 4 for warning, 3 for information; 3
     * for an acknowledgement, which tells that someone is on it, so nobody else need be woken.
     */
    static String priority(Notification notification) {
        if (notification.kind() == NotificationKind.ACKNOWLEDGED) {
            return "3";
        }
        return switch (notification.severity()) {
            case CRITICAL -> "5";
            case WARNING -> "4";
            case INFORMATION -> "3";
        };
    }

    /**
     * The {@code Tags} header: an emoji short code ntfy shows before the title
     * ({@code rotating_light}, {@code warning}, {@code white_check_mark} for a recovery,
     * {@code eyes} for an acknowledgement, {@code information_source}), then the kind:
     * {@code rotating_light,alert}.
     */
    static String tags(Notification notification) {
        String emoji = switch (notification.kind()) {
            case RECOVERY -> "white_check_mark";
            case ACKNOWLEDGED -> "eyes";
            default -> switch (notification.severity()) {
                case CRITICAL -> "rotating_light";
                case WARNING -> "warning";
                case INFORMATION -> "information_source";
            };
        };
        return emoji + "," + notification.kind().name().toLowerCase(Locale.ROOT);
    }

    /** {@code value} if it is printable ASCII, or else {@code =?UTF-8?B?<base64 of its UTF-8>?=}. */
    static String headerValue(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        return ascii ? value : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(UTF_8)) + "?=";
    }
}
