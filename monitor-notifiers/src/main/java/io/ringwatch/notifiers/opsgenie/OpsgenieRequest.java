package io.ringwatch.notifiers.opsgenie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Severity;
import io.ringwatch.notifiers.channel.ChannelText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The Alert API request for one notification: a recovery closes the incident's alert
 * ({@code POST /v2/alerts/{alias}/close?identifierType=alias}), an acknowledgement acknowledges
 * it ({@code POST /v2/alerts/{alias}/acknowledge?identifierType=alias}), every other kind
 * creates it ({@code POST /v2/alerts}), which Opsgenie deduplicates on the alias while it is
 * open; a create for a contact names the contact's user among the alert's {@code responders}.
 * Texts are cut to Opsgenie's limits. Thread-safe: it holds no state but a thread-safe mapper.
 *
 * @param path the path and query, encoded, to follow the API's address
 * @param body the JSON body, UTF-8
 */
record OpsgenieRequest(String path, byte[] body) {
    static final int MAX_MESSAGE = 130;
    static final int MAX_ALIAS = 512;
    static final int MAX_DESCRIPTION = 15_000;
    static final int MAX_SOURCE = 100;
    static final int MAX_NOTE = 25_000;
    static final String USER = "Ringwatch";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** The request that creates, acknowledges or closes the notification's alert. */
    static OpsgenieRequest of(Notification notification) {
        return of(notification, Optional.empty());
    }

    /**
     * The request that creates, acknowledges or closes the notification's alert; a create names
     * the user {@code responder} (an Opsgenie username, the user's e-mail address), if present,
     * as the alert's responder. Acknowledging and closing concern the alert, whoever they are
     * for, so they ignore it.
     */
    static OpsgenieRequest of(Notification notification, Optional<String> responder) {
        return switch (notification.kind()) {
            case RECOVERY -> close(notification);
            case ACKNOWLEDGED -> acknowledge(notification);
            default -> create(notification, responder);
        };
    }

    /** Opsgenie's priority: {@code P1} critical, {@code P3} warning, {@code P5} information. */
    static String priorityOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "P1";
            case WARNING -> "P3";
            case INFORMATION -> "P5";
        };
    }

    /** The incident key, or its start and a hash when it is longer than {@value #MAX_ALIAS} characters. */
    static String aliasOf(Notification notification) {
        return ChannelText.fitKey(notification.incidentKey(), MAX_ALIAS);
    }

    private static OpsgenieRequest create(Notification notification, Optional<String> responder) {
        ObjectNode body = JSON.createObjectNode()
                .put("message", ChannelText.cut(notification.headline(), MAX_MESSAGE))
                .put("alias", aliasOf(notification))
                .put("description", ChannelText.cut(notification.text(), MAX_DESCRIPTION))
                .put("priority", priorityOf(notification.severity()))
                .put("source", ChannelText.cut(USER + " " + notification.observer(), MAX_SOURCE))
                .put("entity", notification.target().toString());
        body.putArray("tags").add("ringwatch").add(lower(notification.kind().name())).add(lower(notification.current().name()));
        body.putObject("details")
                .put("kind", notification.kind().name())
                .put("target", notification.target().toString())
                .put("transition", notification.previous() + "\u2192" + notification.current())
                .put("reason", ChannelText.wellFormed(notification.reason()))
                .put("observedBy", notification.observer().value())
                .put("since", notification.since().toString())
                .put("incidentKey", ChannelText.wellFormed(notification.incidentKey()));
        responder.ifPresent(username -> body.putArray("responders").addObject().put("type", "user").put("username", username));
        return new OpsgenieRequest("/v2/alerts", write(body));
    }

    private static OpsgenieRequest close(Notification notification) {
        return action(notification, "close", notification.text());
    }

    /** The note is the reason, which says who acknowledged and what they said. */
    private static OpsgenieRequest acknowledge(Notification notification) {
        return action(notification, "acknowledge", notification.reason());
    }

    /** {@code POST /v2/alerts/{alias}/{action}?identifierType=alias} with {@code user}, {@code source} and {@code note}. */
    private static OpsgenieRequest action(Notification notification, String action, String note) {
        ObjectNode body = JSON.createObjectNode()
                .put("user", USER)
                .put("source", ChannelText.cut(USER + " " + notification.observer(), MAX_SOURCE))
                .put("note", ChannelText.cut(note, MAX_NOTE));
        String alias = URLEncoder.encode(aliasOf(notification), StandardCharsets.UTF_8).replace("+", "%20");
        return new OpsgenieRequest("/v2/alerts/" + alias + "/" + action + "?identifierType=alias", write(body));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static byte[] write(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A tree of strings always writes; this would be a bug in the mapper's set-up.
            throw new IllegalStateException("could not write the Opsgenie request", e);
        }
    }

    @Override
    public String toString() {
        return "OpsgenieRequest[" + path.replaceAll("\\?.*", "") + ", " + body.length + " bytes]";
    }
}
