/**
 * Virtual time: a {@link io.ringwatch.testkit.time.FakeClock} that moves only when told and a
 * {@link io.ringwatch.testkit.time.VirtualTimeScheduler} that runs due tasks on the test thread,
 * in due-time order (ties in scheduling order), each task seeing its own due time on the clock,
 * periodic tasks without drift, so a simulated day takes a fraction of a second and every run is
 * the same. Start clocks at awkward instants ({@code FakeClock.awkward()},
 * {@code FakeClock.random(seed)}), never at the epoch. A task that throws does not stop the
 * others, but the run method then fails the test unless failures are tolerated on purpose. Both
 * types are thread-safe for reading the time, scheduling and cancelling; time is moved by one
 * thread at a time.
 */
package io.ringwatch.testkit.time;
