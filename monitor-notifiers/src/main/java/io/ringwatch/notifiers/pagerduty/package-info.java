/**
 * The {@code pagerduty} channel: sends each notification to PagerDuty's Events API v2 as an
 * event about the alert whose {@code dedup_key} is the notification's incident key: it triggers
 * the alert, acknowledges it when someone acknowledged the incident, and resolves it on
 * recovery, so that the alerts of several watchers about one incident collapse into one
 * PagerDuty alert. Settings, channel URL and mapping are described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.pagerduty;
