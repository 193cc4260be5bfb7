/**
 * A sample host application: five Ringwatch engines in one JVM, a notifier of the app's own
 * (the {@code desk} channel, found through {@link java.util.ServiceLoader}), a crash, an alert
 * and a recovery. {@link io.ringwatch.samples.host.OutageDemo} runs it;
 * {@link io.ringwatch.samples.host.DeskNotifierProvider} is the part to copy into your own app;
 * {@link io.ringwatch.samples.host.LoopbackFarm} is a stand-in for the network that the real
 * HTTP transport will replace.
 */
package io.ringwatch.samples.host;
