package io.ringwatch.notifiers.twilio;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.notifiers.channel.ChannelText;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The TwiML a call runs, given inline in the call's {@code Twiml} parameter. With an
 * acknowledgement URL, the message is read inside a {@code <Gather>} that takes one key and
 * posts it ({@code Digits=1}) to that URL:
 *
 * <pre>{@code
 * <Response><Gather numDigits="1" action="https://ack.example.com/twilio" method="POST">
 *   <Say>CRITICAL: orders-api DOWN on node n3. Seen by n1: connection refused.</Say>
 *   <Say>Press 1 to acknowledge.</Say></Gather></Response>
 * }</pre>
 *
 * (on one line); without one, or for a recovery, a flapping notice or a notice, only the
 * {@code <Say>}. Text is XML-escaped; characters XML
 * cannot hold become spaces or U+FFFD; the spoken text is cut so that the whole document stays
 * within Twilio's {@value #MAX_LENGTH} characters. Stateless and thread-safe.
 */
final class TwiML {
    /** Twilio's limit on the length of the {@code Twiml} parameter. */
    static final int MAX_LENGTH = 4000;
    /** The least room the spoken text must have once the acknowledgement URL is in. */
    static final int MIN_SPOKEN = 500;
    static final String PRESS_ONE = "Press 1 to acknowledge.";
    /** Room kept for {@code &incident=} and the longest incident key, percent-encoded and XML-escaped. */
    static final int MAX_INCIDENT_PARAMETER = 320;

    private TwiML() {
    }

    /** What is said: the headline and, but for a notice, who saw it and why. */
    static String spoken(Notification notification) {
        String headline = notification.headline();
        return notification.kind() == NotificationKind.NOTICE ? headline + "."
                : headline + ". Seen by " + notification.observer() + ": " + notification.reason() + ".";
    }

    /**
     * The document for a call about {@code notification}; the keypress is gathered only for
     * trouble someone can still acknowledge (an alert, a reminder, an escalation).
     */
    static String of(Notification notification, Optional<URI> acknowledgeAt) {
        Optional<String> ackUrl = acknowledgeable(notification)
                ? acknowledgeAt.map(url -> withIncident(url, notification.incidentKey())) : Optional.empty();
        String before = ackUrl.map(url -> "<Response><Gather numDigits=\"1\" action=\"" + escape(url)
                + "\" method=\"POST\"><Say>").orElse("<Response><Say>");
        String after = ackUrl.isPresent() ? "</Say><Say>" + PRESS_ONE + "</Say></Gather></Response>" : "</Say></Response>";
        return before + escapeWithin(spoken(notification), MAX_LENGTH - before.length() - after.length()) + after;
    }

    private static boolean acknowledgeable(Notification notification) {
        NotificationKind kind = notification.kind();
        return notification.current().isProblem() && (kind == NotificationKind.ALERT || kind == NotificationKind.REMINDER
                || kind == NotificationKind.ESCALATION);
    }

    /**
     * The acknowledgement URL with the incident's key added as the query parameter
     * {@code incident}, so that whoever receives the keypress knows which incident it acknowledges:
     * {@code https://ack.example.com/twilio?token=t&incident=n3%40...}.
     */
    static String withIncident(URI ackUrl, String incidentKey) {
        String url = ackUrl.toString();
        return url + (ackUrl.getRawQuery() == null ? "?" : "&") + "incident=" + URLEncoder.encode(incidentKey, StandardCharsets.UTF_8);
    }

    /**
     * Whether a call's document leaves at least {@value #MIN_SPOKEN} characters for the spoken
     * text with this URL and the longest incident key.
     */
    static boolean leavesRoomFor(URI ackUrl) {
        int overhead = ("<Response><Gather numDigits=\"1\" action=\"\" method=\"POST\"><Say></Say><Say>" + PRESS_ONE
                + "</Say></Gather></Response>").length() + escape(ackUrl.toString()).length() + MAX_INCIDENT_PARAMETER;
        return MAX_LENGTH - overhead >= MIN_SPOKEN;
    }

    /** {@code text} escaped for XML content and attribute values alike. */
    static String escape(String text) {
        String whole = ChannelText.wellFormed(text);
        StringBuilder out = new StringBuilder(whole.length() + 16);
        whole.codePoints().forEach(c -> out.append(escape(c)));
        return out.toString();
    }

    /** The escaped text, cut (ending with an ellipsis) so that it is at most {@code budget} characters. */
    static String escapeWithin(String text, int budget) {
        String whole = escape(text);
        if (whole.length() <= budget) {
            return whole;
        }
        StringBuilder out = new StringBuilder(budget);
        int[] codePoints = ChannelText.wellFormed(text).codePoints().toArray();
        for (int c : codePoints) {
            String unit = escape(c);
            if (out.length() + unit.length() > budget - ChannelText.ELLIPSIS.length()) {
                break;
            }
            out.append(unit);
        }
        return out.append(ChannelText.ELLIPSIS).toString();
    }

    private static String escape(int c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&apos;";
            case '\t', '\n', '\r' -> " ";
            default -> c < 0x20 ? " " : c == 0xFFFE || c == 0xFFFF ? "\uFFFD" : new String(Character.toChars(c));
        };
    }
}
