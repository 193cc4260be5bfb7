/**
 * The types users code against: probes that check a target, notifiers that tell people,
 * the event log that keeps the audit trail, and the values that flow between them.
 */
module io.ringwatch.api {
    exports io.ringwatch.api;
}
