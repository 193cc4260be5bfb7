package io.ringwatch.notifiers.gotify;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;

/**
 * The JSON body of one {@code POST /message}: {@code title} the headline, {@code message}
 * {@link Notification#text()}, {@code priority} from the severity and
 * {@code extras.client::display.contentType} {@code text/plain}, so that clients show the text as
 * it is rather than as Markdown. Gotify's priorities: 8 (critical) makes the Android app pop up,
 * 5 (warning) sounds, 2 (information, and an acknowledgement whatever its severity) only shows.
 * Thread-safe: it holds no state but a thread-safe mapper.
 */
final class GotifyMessage {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private GotifyMessage() {
    }

    /**
     * 8 for critical, 5 for warning, 2 for information; 2 for an acknowledgement, which tells
     * that someone is on it, so nobody else need be disturbed.
     */
    static int priority(Notification notification) {
        if (notification.kind() == NotificationKind.ACKNOWLEDGED) {
            return 2;
        }
        return switch (notification.severity()) {
            case CRITICAL -> 8;
            case WARNING -> 5;
            case INFORMATION -> 2;
        };
    }

    /** The request body, UTF-8 JSON. */
    static byte[] of(Notification notification) {
        ObjectNode body = JSON.createObjectNode()
                .put("title", notification.headline())
                .put("message", notification.text())
                .put("priority", priority(notification));
        body.putObject("extras").putObject("client::display").put("contentType", "text/plain");
        try {
            // Written as a string, then as UTF-8: emoji stay as they are, half a character becomes '?'.
            return JSON.writeValueAsString(body).getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the Gotify message", e); // a tree of strings always writes
        }
    }
}
