/**
 * A sample host application: five Ringwatch engines in one JVM that watch each other over HTTP
 * on 127.0.0.1, a notifier of the app's own (the {@code desk} channel, found through
 * {@link java.util.ServiceLoader}), a crash, an alert and a recovery.
 * {@link io.ringwatch.samples.host.OutageDemo} runs it;
 * {@link io.ringwatch.samples.host.DeskNotifierProvider} is the part to copy into your own app,
 * and {@code DemoFarm#newEngine} and {@code FarmNode#run} show how an engine is built, started and
 * given its status endpoint.
 */
package io.ringwatch.samples.host;
