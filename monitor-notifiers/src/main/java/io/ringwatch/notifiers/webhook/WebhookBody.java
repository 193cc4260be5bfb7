package io.ringwatch.notifiers.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.channel.ChannelText;
import java.time.Instant;

/**
 * The JSON body of a webhook request: one object with every value of the notification, in a
 * fixed order, UTF-8, on one line. Text is written as it is, emoji and other scripts included;
 * a lone surrogate (half of a character, which UTF-8 cannot carry) becomes U+FFFD.
 *
 * <pre>{@code
 * {"kind":"ALERT","severity":"CRITICAL","target":"n3/orders-api","node":"n3","service":"orders-api",
 *  "transition":"UP→DOWN","previousStatus":"UP","status":"DOWN","reason":"connection refused",
 *  "observedBy":"n1","since":"…","createdAt":"…","sentAt":"…","incidentKey":"n3/orders-api@…",
 *  "headline":"CRITICAL: orders-api DOWN on node n3","text":"CRITICAL: orders-api DOWN on node n3\n…"}
 * }</pre>
 *
 * Thread-safe: it holds no state but a thread-safe mapper.
 */
final class WebhookBody {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private WebhookBody() {
    }

    /**
     * Writes the body of the request that carries {@code notification}.
     *
     * @param notification what to tell
     * @param sentAt when the request goes out
     * @return the body, UTF-8
     */
    static byte[] of(Notification notification, Instant sentAt) {
        ObjectNode body = JSON.createObjectNode()
                .put("kind", notification.kind().name())
                .put("severity", notification.severity().name())
                .put("target", ChannelText.wellFormed(notification.target().toString()))
                .put("node", notification.target().node().value())
                .put("service", notification.target().service().map(service -> service.value()).orElse(null))
                .put("transition", notification.previous() + "\u2192" + notification.current())
                .put("previousStatus", notification.previous().name())
                .put("status", notification.current().name())
                .put("reason", ChannelText.wellFormed(notification.reason()))
                .put("observedBy", notification.observer().value())
                .put("since", notification.since().toString())
                .put("createdAt", notification.at().toString())
                .put("sentAt", sentAt.toString())
                .put("incidentKey", ChannelText.wellFormed(notification.incidentKey()))
                .put("headline", ChannelText.wellFormed(notification.headline()))
                .put("text", ChannelText.wellFormed(notification.text()));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A tree of strings always writes; this would be a bug in the mapper's set-up.
            throw new IllegalStateException("could not write the webhook body", e);
        }
    }
}
