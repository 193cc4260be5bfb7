/**
 * Virtual time: a clock that moves only when told and a scheduler that runs due tasks on the
 * test thread, so a simulated day takes a fraction of a second and every run is the same.
 */
package io.ringwatch.testkit.time;
