/**
 * When the engine's work runs. The engine never sleeps and never reads the system clock: it
 * asks a {@link io.ringwatch.engine.schedule.Scheduler} to run tasks later and reads time from
 * an injected {@link java.time.Clock}. {@link io.ringwatch.engine.schedule.SystemScheduler} runs
 * them on one thread per engine; the testkit's virtual-time scheduler runs a simulated day in
 * a fraction of a second.
 */
package io.ringwatch.engine.schedule;
