/**
 * The {@code console} channel: writes each notification to standard output or standard error,
 * as the full text or as its headline. Useful on a developer's machine, in a container whose
 * output is collected, and as the simplest example of a notifier provider.
 */
package io.ringwatch.notifiers.console;
