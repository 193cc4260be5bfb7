/**
 * Where events are kept and how they read. {@link io.ringwatch.engine.eventlog.JsonLinesEventLog}
 * is the default durable log: an append-only file of one JSON object per line, rotated by size
 * and by day and kept by count and age, that a crash can tear at most in its last line, which
 * the next open cuts off. {@link io.ringwatch.engine.eventlog.EventCursor} queries such a log,
 * its rotated files included, through an {@link io.ringwatch.engine.eventlog.EventFilter} (time
 * range, observers, {@link io.ringwatch.engine.eventlog.TargetPattern}s, kinds), one line at a
 * time; {@link io.ringwatch.engine.eventlog.EventLogReader} reads files whole into memory. Both
 * report a bad line without losing the rest. {@link io.ringwatch.engine.eventlog.EventJson} is
 * the line format itself; {@link io.ringwatch.engine.eventlog.HumanEventFormat} renders an event
 * as the one line people read; and {@link io.ringwatch.engine.eventlog.InMemoryEventLog} keeps
 * events in memory for tests and for host applications that store them their own way.
 */
package io.ringwatch.engine.eventlog;
