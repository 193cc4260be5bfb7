/**
 * The {@code discord} channel: posts each notification to a Discord webhook as one embed
 * coloured by severity, or blue for an acknowledgement (headline as title, who saw it and why,
 * the target, the transition, since when, the incident as footer), with mentions switched off.
 * Settings and failure messages, a rate limit among them, are described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.discord;
