/**
 * The {@code mattermost} channel: posts each notification to a Mattermost incoming webhook, the
 * headline as the post's text and one attachment coloured by severity (who saw it and why, the
 * target, the transition, since when, the incident). Settings and failure messages are
 * described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.mattermost;
