package io.ringwatch.notifiers.matrix;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.notifiers.channel.ChannelText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content of one {@code m.room.message} event: {@code body} is {@link Notification#text()},
 * {@code formatted_body} the same in {@code org.matrix.custom.html} with the headline in
 * {@code <strong>} and line breaks as {@code <br>}. Information (a recovery, a note) and an
 * acknowledgement are an {@code m.notice}, which clients show more quietly and bots never answer;
 * the rest is {@code m.text}. Thread-safe: it holds no state but a thread-safe mapper.
 */
final class MatrixMessage {
    static final String HTML_FORMAT = "org.matrix.custom.html";
    /** The longest answer sent, in UTF-16 characters: well within an event's 64 KiB. */
    static final int MAX_ANSWER_CHARS = 16_000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private MatrixMessage() {
    }

    /** {@code m.notice} for information and an acknowledgement (someone is on it already), {@code m.text} otherwise. */
    static String msgtype(Notification notification) {
        boolean quiet = notification.severity() == Severity.INFORMATION
                || notification.kind() == NotificationKind.ACKNOWLEDGED;
        return quiet ? "m.notice" : "m.text";
    }

    /** The event's content, UTF-8 JSON. */
    static byte[] of(Notification notification) {
        try {
            // Written as a string, then as UTF-8: emoji stay as they are, half a character becomes '?'.
            return JSON.writeValueAsString(JSON.createObjectNode()
                    .put("msgtype", msgtype(notification))
                    .put("body", notification.text())
                    .put("format", HTML_FORMAT)
                    .put("formatted_body", html(notification))).getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the Matrix message", e); // a tree of strings always writes
        }
    }

    /**
     * The content of an answer to a person's message: an {@code m.notice} (so that no bot answers
     * it in turn) with {@code text}, cut to {@link #MAX_ANSWER_CHARS}, replying to the event
     * {@code inReplyTo}. UTF-8 JSON.
     */
    static byte[] answer(String text, String inReplyTo) {
        ObjectNode content = JSON.createObjectNode()
                .put("msgtype", "m.notice")
                .put("body", ChannelText.cut(text, MAX_ANSWER_CHARS));
        content.putObject("m.relates_to").putObject("m.in_reply_to").put("event_id", inReplyTo);
        try {
            return JSON.writeValueAsString(content).getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the Matrix message", e); // a tree of strings always writes
        }
    }

    /** The transaction id of the answer to the event {@code eventId}: one answer per message, however often retried. */
    static String answerTransactionId(String eventId) {
        return "ringwatch-answer-" + sha256(eventId);
    }

    /** {@code <strong>headline</strong><br>seen by …<br>incident …}, escaped. */
    static String html(Notification notification) {
        String headline = notification.headline();
        String text = notification.text();
        String rest = text.startsWith(headline) ? text.substring(headline.length()) : "\n" + text;
        return "<strong>" + escape(headline) + "</strong>" + escape(rest).replace("\n", "<br>");
    }

    /**
     * The transaction id of {@code notification} sent to {@code roomId}: the same for the same
     * notification to the same room, so that a delivery retried after a timeout (the homeserver may
     * have stored the first attempt) is not posted twice; the homeserver answers the retry with the
     * first event's id. Different notifications, and one notification sent to different rooms (the
     * channel's and contacts'), get different ids, as the spec asks of one access token's requests.
     */
    static String transactionId(Notification notification, String roomId) {
        String identity = String.join("\u0000", roomId, notification.incidentKey(), notification.kind().name(),
                notification.target().toString(), notification.previous().name(), notification.current().name(),
                notification.severity().name(), notification.observer().value(), notification.since().toString(),
                notification.at().toString(), notification.reason());
        return "ringwatch-" + sha256(identity);
    }

    /** The first 16 bytes of the SHA-256 of {@code text}'s UTF-8, in hex. */
    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e); // every Java platform has it
        }
    }

    /** Escapes {@code & < > " '} for HTML text. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
