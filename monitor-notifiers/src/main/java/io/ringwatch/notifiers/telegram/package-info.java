/**
 * The {@code telegram} channel: a bot sends each notification to one chat with the Bot API's
 * {@code sendMessage}, or to a contact's own chat (the contact's address), the headline in bold;
 * information (a recovery) and acknowledgements go silently. With {@code receive: true} the bot
 * also receives what people write to it ({@code getUpdates}) and answers. Configured with settings or as
 * {@code tgram://TOKEN/CHAT_ID}; see {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.telegram;
