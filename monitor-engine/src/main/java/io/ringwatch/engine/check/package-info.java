/**
 * Checking a target and judging the answer. A check gets no answer (refused, reset, timed
 * out, not found: {@link io.ringwatch.api.Status#DOWN}), a bad answer (unexpected status or
 * body, too slow, a certificate about to expire: {@link io.ringwatch.api.Status#DEGRADED}) or a
 * good one ({@link io.ringwatch.api.Status#UP}). An {@link io.ringwatch.engine.check.Expectation}
 * says what a good answer is for one service.
 */
package io.ringwatch.engine.check;
