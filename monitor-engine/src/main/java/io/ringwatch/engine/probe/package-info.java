/**
 * Real probes over the network: {@link io.ringwatch.engine.probe.HttpProbe} fetches a status URL
 * through a shared {@link io.ringwatch.engine.probe.HttpFetcher} and judges the answer with an
 * {@link io.ringwatch.engine.check.Expectation}; {@link io.ringwatch.engine.probe.TcpProbe} checks
 * that a port accepts connections; {@link io.ringwatch.engine.probe.PingProbe} sends an ICMP echo
 * where the process may. All of them return at once, finish within their timeout, report every
 * failure as a result, and keep credentials out of reasons and {@code toString()}.
 * {@link io.ringwatch.engine.probe.NetworkFailures} turns a network exception into a reason, for
 * these probes and for the HTTP transport.
 */
package io.ringwatch.engine.probe;
