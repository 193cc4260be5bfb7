/**
 * Benchmarks kept with the code, each a {@code main} run from a shaded jar:
 * {@link io.ringwatch.benchmarks.SimulationBenchmark} runs a farm of real engines in the
 * testkit's virtual time and reports wall time and simulated work;
 * {@link io.ringwatch.benchmarks.DetectionLatency} kills and restarts nodes of a farm talking
 * HTTP on 127.0.0.1, real engines in its own JVM or agent processes killed with SIGKILL, and
 * reports the time from each kill to its alert. The
 * commands and the figures they gave are in {@code docs/benchmarks.md}.
 */
package io.ringwatch.benchmarks;
