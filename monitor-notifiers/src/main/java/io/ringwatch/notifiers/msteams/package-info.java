/**
 * The {@code msteams} channel: posts each notification to Microsoft Teams through a Power
 * Automate "Workflows" webhook (the trigger "When a Teams webhook request is received"), as one
 * Adaptive Card in a message: the headline in a container styled by severity (accent blue for an
 * acknowledgement), who saw it and why, a fact set (target, transition, since when) and the
 * incident. Settings and failure messages are described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.msteams;
