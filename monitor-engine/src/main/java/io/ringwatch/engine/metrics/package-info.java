/**
 * What an engine counts while it works: checks by target and result, check latency, and
 * notification outcomes by channel. {@link io.ringwatch.engine.metrics.EngineMetrics} is read by
 * the node's status endpoint, which serves it to Prometheus, and by host apps that export
 * metrics their own way.
 */
package io.ringwatch.engine.metrics;
