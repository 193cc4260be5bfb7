/**
 * Notifier test support: a notifier that records what it is sent, and the compatibility kit
 * that every notifier's test extends.
 */
package io.ringwatch.testkit.notify;
