/**
 * Benchmarks kept with the code, each a {@code main} run from a shaded jar:
 * {@link io.ringwatch.benchmarks.SimulationBenchmark} runs a farm of real engines in the
 * testkit's virtual time and reports wall time and simulated work. The commands and the
 * figures they gave are in {@code docs/benchmarks.md}.
 */
package io.ringwatch.benchmarks;
