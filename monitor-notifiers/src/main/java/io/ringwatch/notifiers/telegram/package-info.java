/**
 * The {@code telegram} channel: a bot sends each notification to one chat with the Bot API's
 * {@code sendMessage}, the headline in bold; information (a recovery) goes silently. Configured
 * with settings or as {@code tgram://TOKEN/CHAT_ID}; see {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.telegram;
