/**
 * The audit trail as the engine writes it: every event goes to the
 * {@link io.ringwatch.api.EventLog} (on a lane of its own, so a slow log holds nothing up) and,
 * as one human line, to SLF4J. Internal.
 */
package io.ringwatch.engine.audit;
