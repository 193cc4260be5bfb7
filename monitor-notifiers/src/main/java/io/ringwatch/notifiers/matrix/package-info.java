/**
 * The {@code matrix} channel: sends each notification to one Matrix room, or to a contact's own
 * room (the contact's address), with the client-server API
 * ({@code PUT /_matrix/client/v3/rooms/{roomId}/send/m.room.message/{txnId}}), as plain text and
 * HTML; information and acknowledgements go as an {@code m.notice}. With {@code receive: true} it
 * also hands the text messages people write in the bot's rooms ({@code GET /_matrix/client/v3/sync})
 * to the engine's conversation, the room's id being the sender's address, and answers in the room.
 * Configured with settings or as {@code matrixs://TOKEN@host/!room:server}; see {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.matrix;
