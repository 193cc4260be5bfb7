package io.ringwatch.api;

/** Why a notification goes out. */
public enum NotificationKind {
    /** A target became {@link Status#DOWN} or {@link Status#DEGRADED}. */
    ALERT,
    /** A target that was alerted is {@link Status#UP} again. */
    RECOVERY,
    /** A target is still down and nobody has acknowledged it. */
    REMINDER,
    /** Nobody acknowledged within the escalation delay: whoever is on call should be phoned. */
    ESCALATION,
    /** Someone acknowledged the incident: reminders and escalation stop; incident tools mark it acknowledged. */
    ACKNOWLEDGED,
    /** A target changes state too often to alert on each change; quiet until it settles. */
    FLAPPING,
    /** Something people should know that is not a target's state: an observer that suspects its own network path, say. */
    NOTICE
}
