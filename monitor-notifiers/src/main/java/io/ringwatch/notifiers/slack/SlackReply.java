package io.ringwatch.notifiers.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.Refusal;
import io.ringwatch.notifiers.channel.HttpAnswer;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads Slack's answers. An incoming webhook answers {@code 200 ok}, or an error status with a
 * code in plain text ({@code 404 channel_not_found}). {@code chat.postMessage} answers
 * {@code 200 {"ok":true,…}}, or {@code 200 {"ok":false,"error":"not_in_channel"}}: only
 * {@code "ok":true} is a delivery. Error codes are shown; nothing else of an answer is.
 * Thread-safe: no state.
 */
final class SlackReply {
    private SlackReply() {
    }

    /** The failure of a webhook that answered other than 2xx: {@code Slack answered HTTP 404 (channel_not_found)}. */
    static IOException refusedWebhook(String channel, HttpAnswer answer) {
        return Refusal.answered(channel, SlackNotifier.PROVIDER, answer.status(), Optional.of(answer.body()));
    }

    /**
     * Checks the answer of {@code chat.postMessage}.
     *
     * @throws IOException if it is not 2xx, or does not say {@code "ok":true}
     */
    static void check(String channel, HttpAnswer answer) throws IOException {
        Optional<JsonNode> json = CardJson.read(answer.body());
        Optional<String> error = json.map(node -> node.path("error")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (!answer.isSuccess()) {
            throw Refusal.answered(channel, SlackNotifier.PROVIDER, answer.status(), error);
        }
        if (json.map(node -> node.path("ok").asBoolean(false)).orElse(false)) {
            return;
        }
        throw new IOException("channel '" + channel + "': Slack refused the message: "
                + error.flatMap(Refusal::code).orElse("no \"ok\":true in its answer"));
    }
}
