/**
 * The {@code gotify} channel: pushes each notification to a Gotify server as an application's
 * message, with a priority from its severity. Configured with settings or as
 * {@code gotifys://host/TOKEN}; see {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.gotify;
