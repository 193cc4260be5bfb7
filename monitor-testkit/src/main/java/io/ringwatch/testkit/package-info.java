/**
 * Simulated farms for tests: a {@link io.ringwatch.testkit.SimulatedCluster} of real engines
 * whose checks and peer questions travel a simulated network in virtual time, faults to inject,
 * assertions on what was notified and logged, and a JUnit 5 extension that hands a test a ready
 * cluster.
 */
package io.ringwatch.testkit;
