package io.ringwatch.notifiers.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.HttpAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the Events API v2 answered: {@code 202} with {@code "status":"success"} is a
 * delivery; anything else becomes an {@link IOException} naming the channel, the HTTP status
 * and what PagerDuty said (its {@code message} and {@code errors}), with the routing key cut
 * out should PagerDuty ever quote it. Stateless and thread-safe.
 */
final class PagerDutyAnswer {
    /** The longest part of a message that comes from PagerDuty. */
    static final int MAX_QUOTED = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PagerDutyAnswer() {
    }

    /**
     * @throws IOException unless the answer is a 2xx whose body says {@code "status":"success"}
     */
    static void check(HttpAnswer answer, String channel, String routingKey) throws IOException {
        JsonNode body = parse(answer.body());
        String prefix = "channel '" + channel + "': PagerDuty ";
        if (answer.isSuccess()) {
            if ("success".equals(body.path("status").asText())) {
                return;
            }
            throw new IOException(prefix + "answered HTTP " + answer.status() + " without status success"
                    + said(body, routingKey));
        }
        if (answer.status() == 400) {
            throw new IOException(prefix + "refused the event (HTTP 400)" + said(body, routingKey));
        }
        if (answer.status() == 429) {
            throw new IOException(prefix + "is rate limiting this integration (HTTP 429); the event was not accepted");
        }
        throw new IOException(prefix + "answered HTTP " + answer.status());
    }

    /** {@code ": message: error; error"}, or empty when PagerDuty said nothing readable. */
    private static String said(JsonNode body, String routingKey) {
        List<String> parts = new ArrayList<>();
        if (body.path("message").isTextual()) {
            parts.add(body.path("message").asText());
        } else if (body.path("status").isTextual()) {
            parts.add(body.path("status").asText());
        }
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(error.asText()));
        if (!errors.isEmpty()) {
            parts.add(String.join("; ", errors));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return ": " + OneLine.of(String.join(": ", parts).replace(routingKey, "…"), MAX_QUOTED);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (JsonProcessingException notJson) {
            return JSON.missingNode();
        }
    }
}
