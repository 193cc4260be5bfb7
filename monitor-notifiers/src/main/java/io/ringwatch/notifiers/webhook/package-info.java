/**
 * The {@code webhook} channel: posts each notification as a JSON object to one HTTP or HTTPS
 * URL, signed with HMAC-SHA256 when a secret is set, so that any receiver (a chat bridge, a
 * ticketing system, a script of your own) can act on it. The body's fields and how a receiver
 * checks the signature are described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.webhook;
