/**
 * Two-way messages: what people write to Ringwatch over a receiving channel becomes an entry
 * in the event log and, if it is a command ({@code ack}, {@code status}, {@code mute}, ...), an
 * action, answered on the same channel. {@link io.ringwatch.engine.conversation.CommandConversation}
 * is the engine's {@link io.ringwatch.api.Conversation}.
 */
package io.ringwatch.engine.conversation;
