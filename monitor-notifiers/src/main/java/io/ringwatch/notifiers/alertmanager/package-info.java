/**
 * The {@code alertmanager} channel: each notification goes to a Prometheus Alertmanager as
 * alerts of its API v2 ({@code POST /api/v2/alerts}), with labels that stay the same for every
 * notification of an incident so that Alertmanager deduplicates, groups, routes and silences
 * them, and with a recovery that resolves them.
 */
package io.ringwatch.notifiers.alertmanager;
