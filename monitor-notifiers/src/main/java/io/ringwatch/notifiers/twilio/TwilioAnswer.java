package io.ringwatch.notifiers.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.HttpAnswer;
import java.util.Optional;

/**
 * Reads what Twilio answered a request that creates a call or a message: {@code 201 Created}
 * (any 2xx) is a delivery. Otherwise it says why, from Twilio's error body
 * ({@code {"code":21211,"message":"…","status":400}}), with the account SID and the auth token
 * cut out. Stateless and thread-safe.
 */
final class TwilioAnswer {
    /** The longest part of a message that comes from Twilio. */
    static final int MAX_QUOTED = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TwilioAnswer() {
    }

    /**
     * Empty for a 2xx; else what went wrong:
     * {@code Twilio answered HTTP 400 for recipient 2 of 3: error 21211: The 'To' number … is not a valid phone number.}
     *
     * @param recipient which recipient the request was for, counting from 1
     */
    static Optional<String> problem(HttpAnswer answer, TwilioSettings settings, int recipient) {
        if (answer.isSuccess()) {
            return Optional.empty();
        }
        String forWhom = settings.to().size() == 1 ? "" : " for recipient " + recipient + " of " + settings.to().size();
        if (answer.status() == 429) {
            return Optional.of("Twilio is rate limiting this account (HTTP 429" + forWhom + ")");
        }
        return Optional.of("Twilio answered HTTP " + answer.status() + forWhom + said(answer.body(), settings));
    }

    private static String said(String text, TwilioSettings settings) {
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return "";
        }
        if (body == null || !body.path("message").isTextual()) {
            return "";
        }
        String code = body.path("code").canConvertToInt() ? "error " + body.path("code").asInt() + ": " : "";
        String message = body.path("message").asText()
                .replace(settings.authToken(), "…")
                .replace(settings.accountSid(), "…");
        return ": " + OneLine.of(code + message, MAX_QUOTED);
    }
}
