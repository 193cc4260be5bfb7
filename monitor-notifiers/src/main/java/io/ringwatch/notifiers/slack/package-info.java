/**
 * The {@code slack} channel: posts each notification to Slack, either through an incoming
 * webhook (a URL that posts to the one channel it was made for) or through the Web API method
 * {@code chat.postMessage} with a bot token and a channel, which also reaches a contact at their
 * own address (a user or channel id). The message is the headline, with an attachment coloured by
 * severity (blue for an acknowledgement) that holds Block Kit blocks: who saw it and why, the
 * target, the transition, since when, and the incident. Settings and failure messages are
 * described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.slack;
