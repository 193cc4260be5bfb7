/**
 * Where events are kept and how they read. {@link io.ringwatch.engine.eventlog.JsonLinesEventLog}
 * is the default durable log: an append-only file of one JSON object per line, rotated by size,
 * that a crash can tear at most in its last line, which the next open cuts off.
 * {@link io.ringwatch.engine.eventlog.EventLogReader} reads such files back and reports a bad line
 * without losing the rest; {@link io.ringwatch.engine.eventlog.EventJson} is the line format itself;
 * {@link io.ringwatch.engine.eventlog.HumanEventFormat} renders an event as the one line people read;
 * and {@link io.ringwatch.engine.eventlog.InMemoryEventLog} keeps events in memory for tests and
 * for host applications that store them their own way.
 */
package io.ringwatch.engine.eventlog;
