/**
 * The {@code xmpp} channel: sends each notification as an XMPP chat message from a bot account
 * to one or more people, over one connection that stays open between notifications, with the
 * Smack client library (STARTTLS required by default, the server's certificate checked against
 * the JVM's CAs or a private CA's file). A message counts as delivered when the server has
 * taken it. With {@code receive: true} it also receives people's chat messages to the bot, on a
 * login that stays online, and answers them. Settings, the channel URL form and the failure messages are described in
 * {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.xmpp;
