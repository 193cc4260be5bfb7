/**
 * Reports over an event log: {@link io.ringwatch.engine.report.UptimeReport} gives, for a
 * period, each target's time UP, DEGRADED, DOWN, in maintenance and unknown, its uptime, its
 * incidents with who acknowledged them and what people wrote about them, and the mean time to
 * recover (incidents that start in maintenance are listed, flagged, but not counted). A report
 * is one node's view: it reads the events one node's log holds; changes are dated by when the
 * trouble began (the STATE_CHANGED event's {@code since}), not by when it was confirmed.
 */
package io.ringwatch.engine.report;
