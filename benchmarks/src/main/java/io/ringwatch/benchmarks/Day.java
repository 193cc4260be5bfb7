package io.ringwatch.benchmarks;

import io.ringwatch.testkit.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;

/**
 * One run's script of the world: the faults to inject, and afterwards a sanity check of what
 * came out. The check keeps the benchmark honest (a fast run that alerted wrongly measures
 * nothing useful); it is not what is being measured. Not thread-safe: one per run.
 */
interface Day {

    /** Schedules this day's faults on a farm just built, relative to its clock's current instant. */
    void script(SimulatedCluster farm);

    /**
     * Judges what the farm notified.
     *
     * @param farm the farm after the run, still open
     * @param start the farm's instant when {@link #script} was called
     * @param ran how much virtual time passed after {@code start}
     * @return whether the notifications are the ones this day must produce, and one line on why
     */
    Verdict judge(SimulatedCluster farm, Instant start, Duration ran);

    /** The outcome of a sanity check and a line to print. Immutable. */
    record Verdict(Outcome outcome, String detail) {
        static Verdict pass(String detail) {
            return new Verdict(Outcome.PASS, detail);
        }

        static Verdict fail(String detail) {
            return new Verdict(Outcome.FAIL, detail);
        }

        static Verdict skip(String detail) {
            return new Verdict(Outcome.SKIP, detail);
        }

        /** {@code PASS detail}, {@code FAIL detail} or {@code SKIP detail}. */
        @Override
        public String toString() {
            return outcome + " " + detail;
        }
    }

    /** Whether a sanity check passed, failed, or had nothing to check (a run too short for any incident). */
    enum Outcome { PASS, FAIL, SKIP }
}
