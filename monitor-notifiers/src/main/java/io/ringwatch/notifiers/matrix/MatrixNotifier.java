package io.ringwatch.notifiers.matrix;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends each notification to one Matrix room as an {@code m.room.message} event
 * ({@link MatrixMessage}), or to a contact's own room, whose id is the contact's address;
 * authenticated with the access token as a bearer token. A 2xx answer is a delivery; any other
 * makes {@link #send} throw an {@link IOException} naming the channel, the status and the
 * homeserver's {@code errcode} and {@code error}, never the token or a contact's room. Remembers
 * which incident each of the last events it sent told of ({@link SentEvents}), for replies.
 *
 * <p>With {@code receive: true} it also receives: from {@link #startReceiving} until
 * {@link #close()} it hands the messages people write in the user's rooms to the conversation
 * ({@link MatrixReceiver}), the sender's address being the room's id.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent, stops the receiving thread
 * (waiting for it up to {@link #STOP_BOUND}), and a send after it throws {@link IllegalStateException}.
 */
final class MatrixNotifier extends HttpNotifier {
    /** How long {@link #close()} waits for the receiving thread to end. */
    static final Duration STOP_BOUND = Duration.ofSeconds(2);

    private final MatrixSettings settings;
    private final MatrixClient client;
    private final SentEvents sent = new SentEvents();
    /** Null unless the channel receives. */
    private final MatrixReceiver receiver;

    /** @param timing how the receiver paces itself, if the channel receives; its sync wait bounds a sync */
    MatrixNotifier(MatrixSettings settings, MatrixReceiver.Timing timing) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
        this.client = new MatrixClient(settings, http(), timing.syncWait());
        this.receiver = settings.receive() ? new MatrixReceiver(settings.channel(), client, sent, timing) : null;
    }

    /** Whether the channel's {@code receive} setting is true. */
    @Override
    public boolean receives() {
        return receiver != null;
    }

    /**
     * Starts the receiving thread, {@code ringwatch-matrix-receiver-<channel>}; does nothing if the
     * channel does not receive, receives already, or is closed.
     *
     * @throws NullPointerException if {@code conversation} is null
     */
    @Override
    public void startReceiving(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        if (receiver != null) {
            receiver.start(conversation);
        }
    }

    /** Whether the receiving thread runs. */
    boolean isReceiving() {
        return receiver != null && receiver.isRunning();
    }

    /** Stops receiving, waiting up to {@link #STOP_BOUND} for the thread to end. */
    @Override
    protected void onClose() {
        if (receiver != null) {
            receiver.stop(STOP_BOUND);
        }
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
