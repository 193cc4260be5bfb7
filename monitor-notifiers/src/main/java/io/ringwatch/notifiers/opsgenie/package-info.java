/**
 * The {@code opsgenie} channel: creates an Opsgenie alert for each notification through the
 * Alert API, with the notification's incident key as the alert's {@code alias} (so that
 * Opsgenie deduplicates the alert, its reminders and the alerts of other watchers),
 * acknowledges that alert when someone acknowledged the incident, and closes it on recovery.
 * Sent to a contact, the alert names the contact's Opsgenie user as a responder. Settings,
 * channel URL and mapping are described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.opsgenie;
