package io.ringwatch.notifiers.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.notifiers.channel.ChannelText;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON body of one Events API v2 event (an "alert event"). A trigger carries the payload:
 *
 * <pre>{@code
 * {"routing_key":"…","event_action":"trigger","dedup_key":"n3/orders-api@2031-02-03T04:05:06.789Z",
 *  "client":"Ringwatch",
 *  "payload":{"summary":"CRITICAL: orders-api DOWN on node n3","source":"n3","severity":"critical",
 *             "timestamp":"2031-02-03T04:05:27.789Z","component":"orders-api","group":"eu-farm","class":"DOWN",
 *             "custom_details":{"kind":"ALERT","target":"n3/orders-api","transition":"UP→DOWN", …}}}
 * }</pre>
 *
 * An acknowledge or a resolve carries only {@code routing_key}, {@code event_action} and
 * {@code dedup_key}, as the API asks. Thread-safe: it holds no state but a thread-safe mapper.
 */
final class PagerDutyEvent {
    /** PagerDuty's limit on {@code dedup_key}. */
    static final int MAX_DEDUP_KEY = 255;
    /** PagerDuty's limit on {@code payload.summary}. */
    static final int MAX_SUMMARY = 1024;
    static final String CLIENT = "Ringwatch";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** The event actions of the Events API v2. */
    enum Action {
        TRIGGER, ACKNOWLEDGE, RESOLVE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PagerDutyEvent() {
    }

    /** Recovery resolves the incident's alert, acknowledgement acknowledges it; every other kind triggers it (again). */
    static Action actionOf(NotificationKind kind) {
        return switch (kind) {
            case RECOVERY -> Action.RESOLVE;
            case ACKNOWLEDGED -> Action.ACKNOWLEDGE;
            default -> Action.TRIGGER;
        };
    }

    /** PagerDuty's severity: {@code critical}, {@code warning} or {@code info}; {@code error} is not used. */
    static String severityOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case WARNING -> "warning";
            case INFORMATION -> "info";
        };
    }

    /** The incident key, or its start and a hash when it is longer than {@value #MAX_DEDUP_KEY} characters. */
    static String dedupKeyOf(Notification notification) {
        return ChannelText.fitKey(notification.incidentKey(), MAX_DEDUP_KEY);
    }

    /** The body that triggers, acknowledges or resolves the notification's alert. */
    static byte[] of(Notification notification, String routingKey, Optional<String> group) {
        Action action = actionOf(notification.kind());
        ObjectNode event = JSON.createObjectNode()
                .put("routing_key", routingKey)
                .put("event_action", action.wire())
                .put("dedup_key", dedupKeyOf(notification));
        if (action == Action.TRIGGER) {
            event.put("client", CLIENT);
            event.set("payload", payload(notification, group));
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            // A tree of strings always writes; this would be a bug in the mapper's set-up.
            throw new IllegalStateException("could not write the PagerDuty event", e);
        }
    }

    private static ObjectNode payload(Notification notification, Optional<String> group) {
        ObjectNode payload = JSON.createObjectNode()
                .put("summary", ChannelText.cut(notification.headline(), MAX_SUMMARY))
                .put("source", notification.target().node().value())
                .put("severity", severityOf(notification.severity()))
                .put("timestamp", notification.at().toString());
        notification.target().service().ifPresent(service -> payload.put("component", service.value()));
        group.ifPresent(name -> payload.put("group", ChannelText.wellFormed(name)));
        payload.put("class", notification.kind() == NotificationKind.FLAPPING ? "FLAPPING" : notification.current().name());
        payload.putObject("custom_details")
                .put("kind", notification.kind().name())
                .put("target", notification.target().toString())
                .put("transition", notification.previous() + "\u2192" + notification.current())
                .put("reason", ChannelText.wellFormed(notification.reason()))
                .put("observedBy", notification.observer().value())
                .put("since", notification.since().toString())
                .put("incidentKey", ChannelText.wellFormed(notification.incidentKey()))
                .put("text", ChannelText.wellFormed(notification.text()));
        return payload;
    }
}
