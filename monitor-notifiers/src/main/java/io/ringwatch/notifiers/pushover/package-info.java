/**
 * The {@code pushover} channel: sends each notification to a Pushover user or group through the
 * Message API, or to a contact's own user or group key, with a priority from its severity
 * (quiet for an acknowledgement), and emergency priority for DOWN when a setting asks for it.
 * Configured with settings or as {@code pover://USER_KEY@APP_TOKEN}; see {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.pushover;
