package io.ringwatch.notifiers.telegram;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;

/**
 * The JSON body of one {@code sendMessage} request. The text uses {@code parse_mode} HTML: the
 * headline in {@code <b>}, the rest of {@link Notification#text()} as it is, with {@code &},
 * {@code <} and {@code >} written as entities, as the Bot API asks of text outside tags.
 * Information (a recovery, a note) and an acknowledgement are sent with {@code disable_notification},
 * so they arrive without a sound: nobody needs waking for them. Thread-safe: it holds no state but a
 * thread-safe mapper.
 */
final class TelegramMessage {
    static final String PARSE_MODE = "HTML";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TelegramMessage() {
    }

    /** The request body: {@code chat_id}, {@code text}, {@code parse_mode}, {@code disable_notification}. */
    static byte[] of(Notification notification, String chatId) {
        try {
            // Written as a string, then as UTF-8: emoji stay as they are, half a character becomes '?'.
            return JSON.writeValueAsString(JSON.createObjectNode()
                    .put("chat_id", chatId)
                    .put("text", html(notification))
                    .put("parse_mode", PARSE_MODE)
                    .put("disable_notification", silent(notification))).getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the Telegram message", e); // a tree of strings always writes
        }
    }

    /** Whether the message goes without a sound: information, and an acknowledgement (someone is on it already). */
    static boolean silent(Notification notification) {
        return notification.severity() == Severity.INFORMATION || notification.kind() == NotificationKind.ACKNOWLEDGED;
    }

    /** {@code <b>headline</b>} and the rest of the text, escaped for parse mode HTML. */
    static String html(Notification notification) {
        String headline = notification.headline();
        String text = notification.text();
        String rest = text.startsWith(headline) ? text.substring(headline.length()) : "\n" + text;
        return "<b>" + escape(headline) + "</b>" + escape(rest);
    }

    /** Escapes the three characters the Bot API's HTML mode needs escaped outside tags. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
