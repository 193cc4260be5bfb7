/**
 * The {@code pagerduty} channel: sends each notification to PagerDuty's Events API v2 as an
 * event that triggers, or on recovery resolves, the alert whose {@code dedup_key} is the
 * notification's incident key, so that the alerts of several watchers about one incident
 * collapse into one PagerDuty alert. Settings, channel URL and mapping are described in
 * {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.pagerduty;
