package io.ringwatch.notifiers.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.notifiers.channel.ChannelText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/v2/alerts}: a JSON array of alerts, each with labels (which
 * Alertmanager deduplicates and groups on), annotations, {@code startsAt}, {@code endsAt} and
 * an optional {@code generatorURL}.
 *
 * <p>The labels are the same for every notification of an incident and on every watcher, so
 * that Alertmanager keeps one alert per incident: {@code alertname} (from the status the
 * incident is about: {@code RingwatchTargetDown}, {@code RingwatchTargetDegraded},
 * {@code RingwatchTargetFlapping}, or {@code RingwatchNotice}), {@code node}, {@code service}
 * (for a service only), {@code severity} ({@code critical}, {@code warning}, {@code info}, fixed
 * by the alert name's status) and {@code incident} (the incident key). An alert, reminder or
 * escalation sets {@code endsAt} to now plus the resolve timeout, so the alert stays active
 * between reminders; a recovery sets {@code endsAt} to now, which resolves it, and resolves the
 * down, degraded and flapping alerts of the incident together, whichever of them fired. A
 * notice leaves {@code endsAt} out: Alertmanager's own {@code resolve_timeout} ends it.
 *
 * <p>Alertmanager has no acknowledgement of its own, so an acknowledgement posts the incident's
 * alert again, as a reminder would (same labels, still active until now plus the resolve
 * timeout), with the annotation {@code acknowledged} holding the reason: who acknowledged and
 * what they said. It is the only notification with that annotation.
 *
 * <p>Thread-safe: it holds no state but a thread-safe mapper.
 */
final class AlertmanagerBody {
    static final String TARGET_DOWN = "RingwatchTargetDown";
    static final String TARGET_DEGRADED = "RingwatchTargetDegraded";
    static final String TARGET_FLAPPING = "RingwatchTargetFlapping";
    static final String NOTICE = "RingwatchNotice";
    /** The annotation of an acknowledged alert: who acknowledged it and what they said. */
    static final String ACKNOWLEDGED = "acknowledged";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private AlertmanagerBody() {
    }

    /**
     * Writes the alerts that carry {@code notification}.
     *
     * @param now when the request goes out
     * @return the body, UTF-8
     */
    static byte[] of(Notification notification, Instant now, AlertmanagerSettings settings) {
        ArrayNode alerts = JSON.createArrayNode();
        switch (notification.kind()) {
            case RECOVERY -> {
                Instant startsAt = earlier(notification.since(), now);
                for (String name : List.of(TARGET_DOWN, TARGET_DEGRADED, TARGET_FLAPPING)) {
                    alerts.add(alert(notification, name, severityOf(name), startsAt, now, settings));
                }
            }
            // No end: Alertmanager's resolve_timeout gives it one, from its own clock, so the start
            // must not be later than now or the alert would end before it starts.
            case NOTICE -> alerts.add(alert(notification, NOTICE, notification.severity(), earlier(notification.since(), now),
                    null, settings));
            default -> {
                String name = nameOf(notification);
                Instant latest = notification.since().isAfter(now) ? notification.since() : now;
                alerts.add(alert(notification, name, severityOf(name, notification.current()), notification.since(),
                        latest.plus(settings.resolveTimeout()), settings));
            }
        }
        try {
            return JSON.writeValueAsBytes(alerts);
        } catch (JsonProcessingException e) {
            // A tree of strings always writes; this would be a bug in the mapper's set-up.
            throw new IllegalStateException("could not write the Alertmanager body", e);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The alert name of an alert, reminder, escalation or flapping notice. */
    static String nameOf(Notification notification) {
        if (notification.kind() == NotificationKind.FLAPPING) {
            return TARGET_FLAPPING;
        }
        return switch (notification.current()) {
            case DOWN -> TARGET_DOWN;
            case DEGRADED -> TARGET_DEGRADED;
            case UP -> "RingwatchTargetUp";
            case UNKNOWN -> "RingwatchTargetUnknown";
        };
    }

    /** {@code critical}, {@code warning} or {@code info}. */
    static String label(Severity severity) {
        return severity == Severity.INFORMATION ? "info" : severity.name().toLowerCase(Locale.ROOT);
    }

    private static Severity severityOf(String name) {
        return name.equals(TARGET_DOWN) ? Severity.CRITICAL : Severity.WARNING;
    }

    private static Severity severityOf(String name, Status current) {
        return name.equals(TARGET_FLAPPING) ? Severity.WARNING : current.severity();
    }

    private static ObjectNode alert(Notification notification, String name, Severity severity, Instant startsAt,
            Instant endsAt, AlertmanagerSettings settings) {
        ObjectNode alert = JSON.createObjectNode();
        ObjectNode labels = alert.putObject("labels")
                .put("alertname", name)
                .put("node", notification.target().node().value());
        notification.target().service().ifPresent(service -> labels.put("service", service.value()));
        labels.put("severity", label(severity)).put("incident", ChannelText.wellFormed(notification.incidentKey()));
        ObjectNode annotations = alert.putObject("annotations")
                .put("summary", ChannelText.wellFormed(notification.headline()))
                .put("description", ChannelText.wellFormed(notification.text()))
                .put("reason", ChannelText.wellFormed(notification.reason()))
                .put("observer", notification.observer().value());
        if (notification.kind() == NotificationKind.ACKNOWLEDGED) {
            annotations.put(ACKNOWLEDGED, ChannelText.wellFormed(notification.reason()));
        }
        alert.put("startsAt", startsAt.toString());
        if (endsAt != null) {
            alert.put("endsAt", endsAt.toString());
        }
        settings.generatorUrl().ifPresent(url -> alert.put("generatorURL", url.toString()));
        return alert;
    }
}
