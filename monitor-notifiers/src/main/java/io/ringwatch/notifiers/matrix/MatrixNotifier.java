package io.ringwatch.notifiers.matrix;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends each notification to one Matrix room as an {@code m.room.message} event
 * ({@link MatrixMessage}), or to a contact's own room, whose id is the contact's address;
 * authenticated with the access token as a bearer token. A 2xx answer is a delivery; any other
 * makes {@link #send} throw an {@link IOException} naming the channel, the status and the
 * homeserver's {@code errcode} and {@code error}, never the token or a contact's room. Remembers
 * which incident each of the last events it sent told of ({@link SentEvents}), for replies.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class MatrixNotifier extends HttpNotifier {
    private final MatrixSettings settings;
    private final MatrixClient client;
    private final SentEvents sent = new SentEvents();

    /** @param syncWait how long a sync waits for an event, if the channel receives */
    MatrixNotifier(MatrixSettings settings, Duration syncWait) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
        this.client = new MatrixClient(settings, http(), syncWait);
    }

    /** True: a contact's address is the id of a room the sending user has joined, such as a direct chat with them. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Sends the event to the channel's room and waits for the homeserver's answer, at most the
     * channel's timeout.
     *
     * @throws IOException if the homeserver refuses the event ({@code the Matrix homeserver answered
     *         HTTP 403: M_FORBIDDEN: …}), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        sendEvent(notification, settings.roomId(), List.of());
    }

    /** Empty if {@code address} is a room id; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        return MatrixSettings.problemWithRoom(address);
    }

    /**
     * Sends the event to the recipient's room, its address, as {@link #deliver} does to the channel's.
     *
     * @throws IllegalArgumentException if the address is not a room id (an alias such as
     *         {@code #ops:example.org} is not); the message names the contact, not the address
     * @throws IOException as {@link #deliver}; the homeserver's error is shown without the address
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        String roomId = recipient.address();
        sendEvent(notification, roomId, List.of(roomId));
    }

    /** The channel's requests to the homeserver. */
    MatrixClient client() {
        return client;
    }

    /** The incidents of the events this notifier sent. */
    SentEvents sentEvents() {
        return sent;
    }

    /** Puts the event into {@code roomId}; {@code unshown} are the values a failure's message must not quote. */
    private void sendEvent(Notification notification, String roomId, List<String> unshown)
            throws IOException, InterruptedException {
        String eventId = client.send(roomId, MatrixMessage.transactionId(notification, roomId),
                MatrixMessage.of(notification), unshown);
        if (!eventId.isEmpty()) {
            sent.remember(eventId, notification.incidentKey());
        }
    }

    @Override
    protected String details() {
        return "room=" + settings.roomId() + ", homeserver=" + settings.origin() + (settings.receive() ? ", receiving" : "");
    }
}
