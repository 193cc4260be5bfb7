package io.ringwatch.notifiers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.ChannelText;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The two Bot API methods a telegram channel calls: {@code sendMessage} (for notifications and for
 * answers to people's messages), bounded by the channel's
 * timeout, and {@code getUpdates}, a long poll bounded by its own seconds plus that timeout. An
 * answer that is not 2xx with {@code {"ok":true}} is a {@link Refused} naming the channel, the
 * status and Telegram's description, never the token or a chat it was told to leave out.
 * Thread-safe.
 */
final class TelegramApi {
    static final String PROVIDER = "Telegram";
    /** The HTTP status Telegram answers to a {@code getUpdates} cut short by another one for the same bot. */
    static final int CONFLICT = 409;
    /** The longest text {@code sendMessage} takes. */
    static final int MAX_TEXT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DESCRIPTION = 200;

    private final TelegramSettings settings;
    private final ChannelHttp http;
    private final ChannelHttp pollHttp;

    /**
     * @param http the channel's client, for {@code sendMessage}
     * @param longestPoll the longest {@code getUpdates} long poll that will be asked for
     */
    TelegramApi(TelegramSettings settings, ChannelHttp http, Duration longestPoll) {
        this.settings = settings;
        this.http = http;
        this.pollHttp = new ChannelHttp(settings.channel(), settings.timeout().plus(longestPoll));
    }

    /**
     * Posts {@code body} to {@code sendMessage} and returns the sent message ({@code result}).
     *
     * @param unshown values a failure's message must not quote, beyond the token (a contact's chat)
     * @throws IOException if Telegram refuses it ({@link Refused}), does not answer in time, or cannot be reached
     */
    JsonNode sendMessage(byte[] body, List<String> unshown) throws IOException, InterruptedException {
        return call(http, "sendMessage", body, unshown);
    }

    /**
     * Sends {@code text} as plain text to {@code chatId}, in reply to its message {@code replyTo}
     * (or without a reply if that message is gone), cut to {@value #MAX_TEXT} characters: the
     * answer to a message a person wrote to the bot.
     *
     * @throws IOException as {@link #sendMessage}, never quoting the chat
     */
    void answer(String chatId, long replyTo, String text) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
                .put("chat_id", chatId)
                .put("text", ChannelText.cut(text, MAX_TEXT))
                .put("reply_to_message_id", replyTo)
                .put("allow_sending_without_reply", true));
        sendMessage(body, List.of(chatId));
    }

    /**
     * The updates from {@code offset} on (all unconfirmed ones if 0), messages only, waiting up to
     * {@code pollSeconds} for one to come. Confirms every update below {@code offset}.
     *
     * @return the {@code result} array, possibly empty
     * @throws IOException as {@link #sendMessage}; a {@link Refused} with status 409 while another
     *         {@code getUpdates} for the same bot took over
     */
    JsonNode getUpdates(long offset, int pollSeconds) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        if (offset > 0) {
            request.put("offset", offset);
        }
        request.put("timeout", pollSeconds);
        request.putArray("allowed_updates").add("message");
        JsonNode result = call(pollHttp, "getUpdates", JSON.writeValueAsBytes(request), List.of());
        if (!result.isArray()) {
            throw new IOException("channel '" + settings.channel() + "': " + PROVIDER
                    + " answered getUpdates without a list of updates");
        }
        return result;
    }

    private JsonNode call(ChannelHttp client, String method, byte[] body, List<String> unshown)
            throws IOException, InterruptedException {
        HttpRequest request = client.request(settings.methodUrl(method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpAnswer answer = client.send(request, PROVIDER);
        JsonNode json = parse(answer.body());
        if (!answer.isSuccess() || !json.path("ok").asBoolean(false)) {
            JsonNode retryAfter = json.path("parameters").path("retry_after");
            OptionalLong seconds = retryAfter.canConvertToLong() ? OptionalLong.of(retryAfter.asLong()) : OptionalLong.empty();
            throw new Refused("channel '" + settings.channel() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + (answer.isSuccess() && json.isMissingNode() ? " without {\"ok\":true}" : "")
                    + describe(json, seconds, unshown), answer.status(), seconds);
        }
        return json.path("result");
    }

    /** {@code ": Bad Request: chat not found"}, and when to retry, from an error answer; empty if it has none. */
    private String describe(JsonNode body, OptionalLong retryAfter, List<String> unshown) {
        String description = body.path("description").asText("").replace(settings.token(), "…");
        for (String value : unshown) {
            description = description.replace(value, "…");
        }
        String text = description.isBlank() ? "" : ": " + OneLine.of(description, MAX_DESCRIPTION);
        return retryAfter.isPresent() ? text + " (retry after " + retryAfter.getAsLong() + " s)" : text;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || !node.isObject() ? JSON.missingNode() : node;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    @Override
    public String toString() {
        return "TelegramApi[channel=" + settings.channel() + ", api=" + settings.origin() + "]";
    }

    /** Telegram answered, but not with {@code {"ok":true}}. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient OptionalLong retryAfterSeconds;

        Refused(String message, int status, OptionalLong retryAfterSeconds) {
            super(message);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** The HTTP status. */
        int status() {
            return status;
        }

        /** How long Telegram asked to wait ({@code parameters.retry_after}), if it did. */
        OptionalLong retryAfterSeconds() {
            return retryAfterSeconds == null ? OptionalLong.empty() : retryAfterSeconds;
        }
    }
}
