package io.ringwatch.notifiers.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Text made fit for a provider's fields: cut to the provider's limit without splitting a
 * character, and with every lone surrogate (half a character, which UTF-8 cannot carry)
 * replaced by U+FFFD. The one place where the channels of this module, the chat cards and the
 * webhook body included, make text well-formed and cut it. Stateless and thread-safe.
 */
public final class ChannelText {
    /** What ends a text that was cut. */
    public static final String ELLIPSIS = "\u2026";
    /** How the line that names a notification's incident starts: {@code incident n3/orders-api@…}. */
    private static final String INCIDENT_LINE = "incident ";

    private ChannelText() {
    }

    /**
     * {@code text} with each lone surrogate replaced by U+FFFD; unchanged if it has none.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static String wellFormed(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@link #wellFormed} {@code text} of at most {@code maxChars} UTF-16 characters: whole if it
     * fits, else cut and ended with {@link #ELLIPSIS}, never between the two halves of a character.
     *
     * @throws IllegalArgumentException if {@code maxChars} is less than 2
     * @throws NullPointerException if {@code text} is null
     */
    public static String cut(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2, was " + maxChars);
        }
        String whole = wellFormed(text);
        if (whole.length() <= maxChars) {
            return whole;
        }
        int end = maxChars - ELLIPSIS.length();
        if (Character.isHighSurrogate(whole.charAt(end - 1))) {
            end--;
        }
        return whole.substring(0, end) + ELLIPSIS;
    }

    /**
     * A deduplication key of at most {@code maxChars} characters for a provider that limits its
     * length: {@code key} itself if it fits, else its start, {@code #} and the SHA-256 of the
     * whole key in hex, so that two long keys stay apart and one key always gives the same result.
     *
     * @throws IllegalArgumentException if {@code maxChars} is less than 80
     * @throws NullPointerException if {@code key} is null
     */
    public static String fitKey(String key, int maxChars) {
        if (maxChars < 80) {
            throw new IllegalArgumentException("maxChars must be at least 80, was " + maxChars);
        }
        String whole = wellFormed(key);
        if (whole.length() <= maxChars) {
            return whole;
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        int end = maxChars - hash.length() - 1;
        if (Character.isHighSurrogate(whole.charAt(end - 1))) {
            end--;
        }
        return whole.substring(0, end) + "#" + hash;
    }

    /**
     * The incident key that a notification's text names on its last line, {@code incident <key>}
     * ({@link io.ringwatch.api.Notification#text()}), read back from a channel's copy of that text:
     * the key of the last line that starts so, blanks around it taken off. How an agent that did not
     * send a notification learns which incident a reply to it answers; the caller must first make
     * sure the text is the bot's own message, not a person's.
     *
     * @return empty if no line names an incident
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<String> incidentKeyOf(String text) {
        Objects.requireNonNull(text, "text");
        return text.lines().map(String::strip)
                .filter(line -> line.startsWith(INCIDENT_LINE) && line.length() > INCIDENT_LINE.length())
                .map(line -> line.substring(INCIDENT_LINE.length()).strip())
                .reduce((first, last) -> last);
    }
}
