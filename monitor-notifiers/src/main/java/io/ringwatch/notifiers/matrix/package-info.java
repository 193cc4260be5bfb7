/**
 * The {@code matrix} channel: sends each notification to one Matrix room, or to a contact's own
 * room (the contact's address), with the client-server API
 * ({@code PUT /_matrix/client/v3/rooms/{roomId}/send/m.room.message/{txnId}}), as plain text and
 * HTML; information and acknowledgements go as an {@code m.notice}. Configured with settings or as
 * {@code matrixs://TOKEN@host/!room:server}; see {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.matrix;
