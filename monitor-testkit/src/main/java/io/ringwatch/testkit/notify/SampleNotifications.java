package io.ringwatch.testkit.notify;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.ServiceId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Ready-made notifications for notifier tests: one of each kind about the same incident, and
 * two whose text is awkward for a channel to carry (quotes, backslashes, markup, non-Latin
 * scripts, emoji; the longest ids and reason). The {@link NotifierCompatibilityKit} sends all
 * of them; use them in tests of your own too. Every call returns an equal, immutable value.
 *
 * <pre>{@code
 * import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
 *
 * notifier.send(sampleAlert());
 * }</pre>
 */
public final class SampleNotifications {
    /** The node watched in the samples. */
    public static final NodeId NODE = NodeId.of("n3");
    /** The service that goes down in the samples: {@code n3/orders-api}. */
    public static final TargetId TARGET = TargetId.service(NODE, ServiceId.of("orders-api"));
    /** The node that saw it. */
    public static final NodeId OBSERVER = NodeId.of("n1");
    /** When the sample incident began; a millisecond value on purpose. */
    public static final Instant SINCE = Instant.parse("2031-02-03T04:05:06.789Z");
    /** The sample incident's key, shared by every sample about {@link #TARGET}. */
    public static final String INCIDENT_KEY = TARGET + "@" + SINCE;

    private static final String AWKWARD = "HTTP 503 \"Service Unavailable\" from C:\\srv\\orders\\ "
            + "<b>&amp;</b> {\"status\":\"DOWN\"} 'quoted' `ticked` 100% $HOME *bold* _it_ "
            + "Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻";

    private SampleNotifications() {
    }

    /** {@code orders-api} on {@code n3} went from UP to DOWN: connection refused. */
    public static Notification sampleAlert() {
        return base(NotificationKind.ALERT).previous(Status.UP).current(Status.DOWN)
                .at(SINCE.plusSeconds(21)).reason("connection refused").build();
    }

    /** The sample target is UP again. */
    public static Notification sampleRecovery() {
        return base(NotificationKind.RECOVERY).previous(Status.DOWN).current(Status.UP)
                .since(SINCE.plus(Duration.ofMinutes(42))).at(SINCE.plus(Duration.ofMinutes(43)))
                .reason("HTTP 200 in 35 ms").build();
    }

    /** The sample target is still DOWN and nobody has acknowledged it. */
    public static Notification sampleReminder() {
        return base(NotificationKind.REMINDER).previous(Status.DOWN).current(Status.DOWN)
                .at(SINCE.plus(Duration.ofMinutes(15))).reason("connection refused").build();
    }

    /** Nobody acknowledged the sample incident: the on-call person should be phoned. */
    public static Notification sampleEscalation() {
        return base(NotificationKind.ESCALATION).previous(Status.DOWN).current(Status.DOWN)
                .at(SINCE.plus(Duration.ofMinutes(30))).reason("connection refused").build();
    }

    /** Someone acknowledged the sample incident: reminders and escalation stop. */
    public static Notification sampleAcknowledgement() {
        return base(NotificationKind.ACKNOWLEDGED).previous(Status.DOWN).current(Status.DOWN)
                .at(SINCE.plus(Duration.ofMinutes(12))).reason("acknowledged by alice: Ok, I got this one").build();
    }

    /** The sample target keeps changing state. */
    public static Notification sampleFlapping() {
        return base(NotificationKind.FLAPPING).previous(Status.UP).current(Status.DEGRADED)
                .severity(Severity.WARNING).at(SINCE.plus(Duration.ofMinutes(5)))
                .reason("9 state changes in the last 21 checks").build();
    }

    /** The observer suspects its own network path: a notice, not about a target's state. */
    public static Notification sampleNotice() {
        return Notification.builder()
                .incidentKey(OBSERVER + "@" + SINCE).kind(NotificationKind.NOTICE).target(TargetId.node(OBSERVER))
                .previous(Status.UP).current(Status.DEGRADED).severity(Severity.WARNING).observer(OBSERVER)
                .since(SINCE).at(SINCE.plusSeconds(90))
                .reason("n1 cannot reach n3, but n2 can: n1 suspects its own network path").build();
    }

    /** An alert whose reason holds quotes, backslashes, markup, non-Latin scripts and emoji. */
    public static Notification sampleWithAwkwardText() {
        return sampleAlert().toBuilder().current(Status.DEGRADED).severity(Severity.WARNING).reason(AWKWARD).build();
    }

    /**
     * An alert with the longest node and service ids and a reason of exactly
     * {@link ProbeResult#MAX_REASON_LENGTH} characters that ends with {@code [end]}, so a
     * channel that cuts text shows it.
     */
    public static Notification sampleWithLongestValues() {
        NodeId node = NodeId.of("n".repeat(62) + "9");
        TargetId target = TargetId.service(node, ServiceId.of("s".repeat(62) + "9"));
        return sampleAlert().toBuilder().target(target).incidentKey(target + "@" + SINCE).reason(longestReason()).build();
    }

    /** One sample of each {@link NotificationKind}, in declaration order of the kinds. */
    public static List<Notification> sampleOfEachKind() {
        return List.of(sampleAlert(), sampleRecovery(), sampleReminder(), sampleEscalation(),
                sampleAcknowledgement(), sampleFlapping(), sampleNotice());
    }

    private static Notification.Builder base(NotificationKind kind) {
        return Notification.builder().incidentKey(INCIDENT_KEY).kind(kind).target(TARGET).observer(OBSERVER)
                .since(SINCE);
    }

    private static String longestReason() {
        String end = "[end]";
        String pattern = "Grüße \"q\" \\b\\ 日本語 🚨 ";
        StringBuilder reason = new StringBuilder("longest: ");
        int limit = ProbeResult.MAX_REASON_LENGTH - end.length();
        for (int i = 0; reason.length() < limit; i = pattern.offsetByCodePoints(i, 1) % pattern.length()) {
            int codePoint = pattern.codePointAt(i);
            if (reason.length() + Character.charCount(codePoint) > limit) {
                break;
            }
            reason.appendCodePoint(codePoint);
        }
        while (reason.length() < limit) {
            reason.append('.');
        }
        return reason.append(end).toString();
    }
}
