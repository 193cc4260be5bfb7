package io.ringwatch.notifiers.matrix;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A matrix channel that also receives: sends as {@link MatrixNotifier} does, and from
 * {@link #startReceiving} until {@link #close()} hands the messages people write in the user's
 * rooms to the conversation ({@link MatrixReceiver}), the sender's address being the room's id.
 * Thread-safe; {@link #close()} is idempotent and stops the receiving thread.
 */
final class ReceivingMatrixNotifier implements Notifier {
    /** How long {@link #close()} waits for the receiving thread to end. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(2);

    private final MatrixNotifier sender;
    private final MatrixReceiver receiver;

    ReceivingMatrixNotifier(MatrixSettings settings, MatrixReceiver.Timing timing) {
        this.sender = new MatrixNotifier(settings, timing.syncWait());
        this.receiver = new MatrixReceiver(settings.channel(), sender.client(), sender.sentEvents(), timing);
    }

    @Override
    public String name() {
        return sender.name();
    }

    /** As {@link MatrixNotifier#send(Notification)}. */
    @Override
    public void send(Notification notification) throws Exception {
        sender.send(notification);
    }

    @Override
    public boolean sendsToAddresses() {
        return sender.sendsToAddresses();
    }

    @Override
    public Optional<String> addressProblem(String address) {
        return sender.addressProblem(address);
    }

    /** As {@link MatrixNotifier#send(Notification, Recipient)}. */
    @Override
    public void send(Notification notification, Recipient recipient) throws Exception {
        sender.send(notification, recipient);
    }

    /** True. */
    @Override
    public boolean receives() {
        return true;
    }

    /** Starts the receiving thread, {@code ringwatch-matrix-receiver-<channel>}; does nothing after {@link #close()}. */
    @Override
    public void startReceiving(Conversation conversation) {
        receiver.start(Objects.requireNonNull(conversation, "conversation"));
    }

    /** Whether the receiving thread runs. */
    boolean isReceiving() {
        return receiver.isRunning();
    }

    /** Refuses further sends and stops receiving, waiting a little for the thread to end. */
    @Override
    public void close() {
        sender.close();
        receiver.stop(STOP_BOUND);
    }

    /** {@code MatrixNotifier[channel=ops, room=!ops:example.org, homeserver=…, receiving, timeout=PT10S]}. */
    @Override
    public String toString() {
        return sender.toString();
    }
}
