package io.ringwatch.notifiers.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Writes and reads the JSON of the chat channels. Text is written as UTF-8 as it is (emoji and
 * other scripts included, no backslash-u escapes); {@link #text} first replaces a lone surrogate,
 * which UTF-8 cannot carry, with U+FFFD. Thread-safe: it holds only a thread-safe mapper.
 */
public final class CardJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private static final String ELLIPSIS = "\u2026";

    private CardJson() {
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The object as UTF-8 bytes, on one line. */
    public static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always writes; this would be a bug in the set-up.
            throw new IllegalStateException("could not write a JSON body", e);
        }
    }

    /** An answer's body read as JSON, or empty when it is not JSON. */
    public static Optional<JsonNode> read(String body) {
        try {
            return Optional.ofNullable(JSON.readTree(body)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** {@code text} with each lone surrogate (half a character) replaced by U+FFFD. */
    public static String text(String text) {
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
     * {@code text} cut to at most {@code max} UTF-16 units, ending with {@code …} when cut, never
     * in the middle of a character: for the length limits of the providers' fields.
     *
     * @throws IllegalArgumentException if {@code max} is less than 2
     */
    public static String cut(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2: " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
