package io.ringwatch.notifiers.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.notifiers.channel.ChannelText;
import java.util.Optional;

/**
 * Writes and reads the JSON of the chat channels. Text is written as UTF-8 as it is (emoji and
 * other scripts included, no backslash-u escapes); the texts it is given are already
 * {@link ChannelText#wellFormed well-formed} (a lone surrogate, which UTF-8 cannot carry, replaced
 * with U+FFFD) and {@link ChannelText#cut cut} to the provider's limits. Thread-safe: it holds
 * only a thread-safe mapper.
 */
public final class CardJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

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
}
