/**
 * What the chat channels of this module ({@code slack}, {@code msteams}, {@code discord},
 * {@code mattermost}) share: the parts of a notification a card shows ({@link
 * io.ringwatch.notifiers.card.ChatCard}: headline, detail, facts, incident, a colour per
 * severity), one JSON writer that carries any text as UTF-8 ({@link io.ringwatch.notifiers.card.CardJson}),
 * and reading a provider's error answer into a short code that is safe to put in a message
 * ({@link io.ringwatch.notifiers.card.Refusal}). Internal to the module: not exported.
 */
package io.ringwatch.notifiers.card;
