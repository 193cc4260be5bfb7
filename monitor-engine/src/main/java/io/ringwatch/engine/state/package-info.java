/**
 * What an observer believes about one target, and how a belief changes. A status changes only
 * through the one table of legal {@link io.ringwatch.engine.state.Transition}s, after enough
 * consecutive observations ({@link io.ringwatch.engine.state.Debouncer}); a target whose
 * observations change too often is flapping ({@link io.ringwatch.engine.state.FlapDetector}).
 * Not thread-safe: the engine confines each target's state to one thread at a time.
 */
package io.ringwatch.engine.state;
