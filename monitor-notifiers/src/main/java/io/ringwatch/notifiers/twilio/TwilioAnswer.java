package io.ringwatch.notifiers.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.HttpAnswer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what Twilio answered a request that creates a call or a message: {@code 201 Created}
 * (any 2xx) is a delivery. Otherwise it says why, from Twilio's error body
 * ({@code {"code":21211,"message":"…","status":400}}), with the account SID and the auth token
 * cut out, and for a contact the contact's number too. Stateless and thread-safe.
 */
final class TwilioAnswer {
    /** The longest part of a message that comes from Twilio. */
    static final int MAX_QUOTED = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What may be a phone number in Twilio's message, however it wrote it: {@code +1 (555) 867-5310}. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d[\\d ()-]{4,}\\d");

    private TwilioAnswer() {
    }

    /**
     * Empty for a 2xx; else what went wrong:
     * {@code Twilio answered HTTP 400 for recipient 2 of 3: error 21211: The 'To' number … is not a valid phone number.}
     *
     * @param recipient which recipient the request was for, counting from 1
     */
    static Optional<String> problem(HttpAnswer answer, TwilioSettings settings, int recipient) {
        String forWhom = settings.to().size() == 1 ? "" : " for recipient " + recipient + " of " + settings.to().size();
        return problem(answer, settings, forWhom, Optional.empty());
    }

    /**
     * Empty for a 2xx; else what went wrong with the call or text to a contact, naming the
     * contact and never the number, not even where Twilio's message quotes it:
     * {@code Twilio answered HTTP 400 for contact alice: error 21211: The 'To' number … is not a valid phone number.}
     */
    static Optional<String> problemFor(HttpAnswer answer, TwilioSettings settings, String contact, String number) {
        return problem(answer, settings, " for contact " + contact, Optional.of(number));
    }

    private static Optional<String> problem(HttpAnswer answer, TwilioSettings settings, String forWhom,
            Optional<String> number) {
        if (answer.isSuccess()) {
            return Optional.empty();
        }
        if (answer.status() == 429) {
            return Optional.of("Twilio is rate limiting this account (HTTP 429" + forWhom + ")");
        }
        return Optional.of("Twilio answered HTTP " + answer.status() + forWhom + said(answer.body(), settings, number));
    }

    private static String said(String text, TwilioSettings settings, Optional<String> number) {
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
        if (number.isPresent()) {
            message = PHONE_NUMBER.matcher(message.replace(number.get(), "…")).replaceAll("…");
        }
        return ": " + OneLine.of(code + message, MAX_QUOTED);
    }
}
