/**
 * The {@code mattermost} channel: posts each notification to a Mattermost incoming webhook, in its
 * channel or in a contact's own (the contact's address: a channel's name or {@code @username}), the
 * headline as the post's text and one attachment coloured by severity, or blue for an
 * acknowledgement (who saw it and why, the target, the transition, since when, the incident).
 * Settings and failure messages are described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.mattermost;
