/**
 * One node watching its partners: the check cycle, quick re-checks while a change is
 * unconfirmed, confirmation with the target's other watchers before accusing anyone, and the
 * observer's suspicion of itself (every partner failing at once, a failed control target, a cycle
 * that ran far too late). Internal: {@link io.ringwatch.engine.MonitorEngine} is the way in.
 */
package io.ringwatch.engine.watch;
