/**
 * Ringwatch's service provider interfaces and value types. A {@link io.ringwatch.api.Probe}
 * checks one target and answers with a {@link io.ringwatch.api.ProbeResult}; the engine
 * turns results into {@link io.ringwatch.api.Status} changes, writes every
 * {@link io.ringwatch.api.Event} to an {@link io.ringwatch.api.EventLog} and hands
 * {@link io.ringwatch.api.Notification}s to {@link io.ringwatch.api.Notifier}s, which
 * {@link io.ringwatch.api.NotifierProvider}s create when found through
 * {@link java.util.ServiceLoader}. All value types here are immutable and thread-safe.
 */
package io.ringwatch.api;
