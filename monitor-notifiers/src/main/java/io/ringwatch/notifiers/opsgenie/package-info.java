/**
 * The {@code opsgenie} channel: creates an Opsgenie alert for each notification through the
 * Alert API, with the notification's incident key as the alert's {@code alias} (so that
 * Opsgenie deduplicates the alert, its reminders and the alerts of other watchers), and closes
 * that alert on recovery. Settings, channel URL and mapping are described in
 * {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.opsgenie;
