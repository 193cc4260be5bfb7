package io.ringwatch.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A message for people about one target: what changed, how bad it is, who saw it, since
 * when, and why. Immutable; build one with {@link #builder()}.
 *
 * @param incidentKey key of the incident, {@code target@start}: the same in its alert, reminders
 *        and recovery, and on every watcher that learned of the incident from the one that
 *        alerted; for channels that deduplicate
 * @param kind why this notification goes out
 * @param target what it is about
 * @param previous the status before the change ({@link Status#UNKNOWN} if none)
 * @param current the status now
 * @param severity how urgent
 * @param observer the node that saw it
 * @param since when the current status began
 * @param at when the notification was made
 * @param reason one line on why ({@code "HTTP 503"}, {@code "connection refused"})
 */
public record Notification(
        String incidentKey,
        NotificationKind kind,
        TargetId target,
        Status previous,
        Status current,
        Severity severity,
        NodeId observer,
        Instant since,
        Instant at,
        String reason) {

    /** @throws NullPointerException if any component is null */
    public Notification {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(at, "at");
        reason = OneLine.of(Objects.requireNonNull(reason, "reason"), ProbeResult.MAX_REASON_LENGTH);
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding this notification's values. */
    public Builder toBuilder() {
        return new Builder()
                .incidentKey(incidentKey).kind(kind).target(target).previous(previous).current(current)
                .severity(severity).observer(observer).since(since).at(at).reason(reason);
    }

    /**
     * One line for a chat message or a log: {@code CRITICAL: orders-api DOWN on node n3}.
     */
    public String headline() {
        return severity + ": " + switch (kind) {
            case ALERT, RECOVERY -> target.describe(current.name());
            case REMINDER -> "still " + target.describe(current.name()) + " since " + since;
            case ESCALATION -> "unacknowledged: " + target.describe(current.name()) + " since " + since;
            case ACKNOWLEDGED -> "acknowledged: " + target.describe(current.name()) + " since " + since;
            case FLAPPING -> target.describe("FLAPPING");
            case NOTICE -> reason;
        };
    }

    /**
     * The full message: the headline, who saw it and why (for an acknowledgement: who
     * acknowledged it), and the incident it belongs to.
     */
    public String text() {
        StringBuilder text = new StringBuilder(headline()).append('\n');
        if (kind == NotificationKind.ACKNOWLEDGED) {
            text.append(reason).append('\n'); // who acknowledged it, and what they said
        } else if (kind != NotificationKind.NOTICE) {
            text.append("seen by ").append(observer).append(": ").append(reason).append('\n');
        }
        return text.append("incident ").append(incidentKey).toString();
    }

    /** Collects the values of a {@link Notification}. Not thread-safe. */
    public static final class Builder {
        private String incidentKey;
        private NotificationKind kind;
        private TargetId target;
        private Status previous = Status.UNKNOWN;
        private Status current;
        private Severity severity;
        private NodeId observer;
        private Instant since;
        private Instant at;
        private String reason = "";

        private Builder() {
        }

        public Builder incidentKey(String incidentKey) {
            this.incidentKey = incidentKey;
            return this;
        }

        public Builder kind(NotificationKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder target(TargetId target) {
            this.target = target;
            return this;
        }

        public Builder previous(Status previous) {
            this.previous = previous;
            return this;
        }

        /** Sets the current status; the severity defaults to the one that goes with it. */
        public Builder current(Status current) {
            this.current = current;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder observer(NodeId observer) {
            this.observer = observer;
            return this;
        }

        public Builder since(Instant since) {
            this.since = since;
            return this;
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Builds the notification. The severity defaults to that of the current status.
         *
         * @throws NullPointerException if a value other than severity and reason is missing
         */
        public Notification build() {
            Severity effective = severity != null ? severity : current == null ? null : current.severity();
            return new Notification(incidentKey, kind, target, previous, current, effective, observer,
                    since, at, reason);
        }
    }
}
