/**
 * Getting notifications to channels and events into the log without letting either hold up
 * the engine: each channel, and the log, has a {@link io.ringwatch.engine.delivery.Lane} of its
 * own, and a delivery that runs past its timeout is abandoned and recorded as failed. Internal.
 */
package io.ringwatch.engine.delivery;
