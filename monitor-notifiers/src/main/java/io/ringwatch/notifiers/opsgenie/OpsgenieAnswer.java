package io.ringwatch.notifiers.opsgenie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.HttpAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the Alert API answered. Opsgenie processes alert requests asynchronously: a
 * {@code 202 Accepted} (any 2xx) means the request was taken and is a delivery. Anything else
 * becomes an {@link IOException} naming the channel, the HTTP status and Opsgenie's
 * {@code message} and {@code errors}, with the API key and the contact's address cut out should
 * they ever quote them.
 * Stateless and thread-safe.
 */
final class OpsgenieAnswer {
    /** The longest part of a message that comes from Opsgenie. */
    static final int MAX_QUOTED = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpsgenieAnswer() {
    }

    /**
     * @param hidden what Opsgenie's words must not show: the API key, a contact's address
     * @throws IOException unless the answer is 2xx
     */
    static void check(HttpAnswer answer, String channel, List<String> hidden) throws IOException {
        if (answer.isSuccess()) {
            return;
        }
        String prefix = "channel '" + channel + "': Opsgenie ";
        if (answer.status() == 429) {
            throw new IOException(prefix + "is rate limiting this integration (HTTP 429); the alert was not accepted");
        }
        throw new IOException(prefix + "answered HTTP " + answer.status() + said(answer.body(), hidden));
    }

    /** {@code ": message: error; error"}, or empty when Opsgenie said nothing readable. */
    private static String said(String text, List<String> hidden) {
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return "";
        }
        if (body == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (body.path("message").isTextual()) {
            parts.add(body.path("message").asText());
        }
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(error.asText()));
        if (!errors.isEmpty()) {
            parts.add(String.join("; ", errors));
        }
        if (parts.isEmpty()) {
            return "";
        }
        String said = String.join(": ", parts);
        for (String value : hidden) {
            said = said.replace(value, "…");
        }
        return ": " + OneLine.of(said, MAX_QUOTED);
    }
}
