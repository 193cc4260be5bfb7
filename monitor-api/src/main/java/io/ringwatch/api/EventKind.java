package io.ringwatch.api;

/** What an {@link Event} records. */
public enum EventKind {
    /** The engine started watching. */
    ENGINE_STARTED,
    /** The engine stopped. */
    ENGINE_STOPPED,
    /** The set of targets this observer watches changed (the ring healed around a failure, or back). */
    WATCH_CHANGED,
    /** One check did not get a good answer. */
    PROBE_FAILED,
    /** A target's confirmed status changed. */
    STATE_CHANGED,
    /** Another watcher saw a target better than this one did, so this observer did not accuse it. */
    CHECK_DISPUTED,
    /** This observer distrusts its own view (every partner failed at once, a late cycle, a failed control target). */
    SELF_SUSPECTED,
    /** This observer trusts its own view again. */
    SELF_TRUSTED,
    /** A target started flapping: state changes are no longer notified one by one. */
    FLAPPING_STARTED,
    /** A flapping target settled. */
    FLAPPING_STOPPED,
    /** A notification was put on a channel's way out: until it is sent or given up, a restarted engine sends it again. */
    NOTIFICATION_QUEUED,
    /** A notification was delivered to a channel. */
    NOTIFICATION_SENT,
    /** A channel failed to deliver a notification; it is tried again unless the event says it is given up. */
    NOTIFICATION_FAILED,
    /** A channel failed to deliver a notification on every attempt: it goes to the channel's failover, if any. */
    NOTIFICATION_GAVE_UP,
    /** A channel failed so often in a row that it is not tried for a while (its circuit opened). */
    CHANNEL_SUSPENDED,
    /** A suspended channel delivered again (its circuit closed). */
    CHANNEL_RESUMED,
    /** A notification was not sent on purpose: maintenance, flapping, another watcher sent it, no notifier configured. */
    NOTIFICATION_SUPPRESSED,
    /** A message from a known contact arrived. */
    MESSAGE_RECEIVED,
    /** A message from someone who is not a contact arrived and was ignored. */
    MESSAGE_REJECTED,
    /** Someone acknowledged an incident. */
    ACKNOWLEDGED,
    /** Someone changed who is told what: a subscription, a mute, an on-call override. */
    ROUTING_CHANGED,
    /** Someone wrote a note into the log. */
    ANNOTATION,
    /** A maintenance window began. */
    MAINTENANCE_STARTED,
    /** A maintenance window ended. */
    MAINTENANCE_ENDED
}
