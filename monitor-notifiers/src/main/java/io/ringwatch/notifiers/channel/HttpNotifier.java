package io.ringwatch.notifiers.channel;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every notifier that speaks HTTP to its provider shares: the channel's name, one
 * {@link ChannelHttp} bounded by the channel's timeout, and the closed flag. {@link #send} checks
 * the notification and the flag, then hands over to {@link #deliver}, where each provider builds
 * its own request and reads its own answer. {@link #toString()} shows the class, the channel,
 * the subclass's {@link #details()} and the timeout, and nothing else. A channel that holds more
 * than its HTTP client (a thread that receives people's messages) releases it in {@link #onClose()}.
 *
 * <p>Thread-safe if {@link #deliver} is: sends may overlap (the engine starts a new one when an
 * earlier one timed out). {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
public abstract class HttpNotifier implements Notifier {
    private final String channel;
    private final ChannelHttp http;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param channel the channel's name, for {@link #name()} and messages
     * @param timeout how long one exchange with the provider may take, connecting included
     * @throws NullPointerException if {@code channel} or {@code timeout} is null
     */
    protected HttpNotifier(String channel, Duration timeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.http = new ChannelHttp(channel, timeout);
    }

    /** The channel's name. */
    @Override
    public final String name() {
        return channel;
    }

    /** The channel's HTTP client, bounded by its timeout. */
    protected final ChannelHttp http() {
        return http;
    }

    /**
     * Delivers the notification with {@link #deliver}, which waits at most the channel's timeout.
     *
     * @throws IOException if the provider refuses it, does not answer within the timeout, or
     *         cannot be reached; the message names the channel, never a URL or a secret
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     * @throws IllegalStateException if the notifier is closed: {@code channel 'x' is closed}
     * @throws NullPointerException if {@code notification} is null
     */
    @Override
    public final void send(Notification notification) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        if (closed.get()) {
            throw new IllegalStateException("channel '" + channel + "' is closed");
        }
        deliver(notification);
    }

    /**
     * Delivers the notification to the recipient's address with {@link #deliverTo}, as
     * {@link #send(Notification)} does to the channel's own destination.
     *
     * @throws UnsupportedOperationException if the channel does not {@linkplain #sendsToAddresses() send to addresses}
     * @throws IllegalArgumentException if the {@linkplain #addressProblem address is not in the channel's form}; the
     *         message names the channel and the contact, never the address
     */
    @Override
    public final void send(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(recipient, "recipient");
        if (!sendsToAddresses()) {
            throw new UnsupportedOperationException("channel '" + channel + "' sends to one fixed destination,"
                    + " not to a contact's address");
        }
        Optional<String> problem = addressProblem(recipient.address());
        if (problem.isPresent()) {
            throw new IllegalArgumentException("channel '" + channel + "': the address of contact '" + recipient.contact()
                    + "' " + problem.get());
        }
        if (closed.get()) {
            throw new IllegalStateException("channel '" + channel + "' is closed");
        }
        deliverTo(notification, recipient);
    }

    /**
     * Sends the notification to the recipient's address; called by {@link #send(Notification,
     * Recipient)} only if {@link #sendsToAddresses()} is true and {@link #addressProblem} finds
     * nothing wrong with the address. Providers that send to addresses override all three.
     *
     * @throws UnsupportedOperationException by default
     */
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("channel '" + channel + "' sends to one fixed destination");
    }

    /**
     * Sends the notification to the provider with {@link #http()} and reads its answer; called by
     * {@link #send} with a notification that is not null, while the notifier is open. May be
     * called by several threads at once.
     *
     * @throws IOException if the provider refuses it, does not answer within the timeout, or
     *         cannot be reached; the message names the channel, never a URL or a secret
     * @throws InterruptedException if the calling thread is interrupted
     */
    protected abstract void deliver(Notification notification) throws IOException, InterruptedException;

    /**
     * What {@link #toString()} shows between the channel and the timeout, such as
     * {@code webhook=https://discord.com:443}: origins, ids and flags, never a token, a password
     * or a URL's path or query.
     */
    protected abstract String details();

    /**
     * Refuses further sends, then, the first time only, calls {@link #onClose()}. The HTTP
     * client's threads end on their own once it is unused. Idempotent; may be called from any thread.
     */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            onClose();
        }
    }

    /**
     * Whether {@link #close()} was called: sends are refused from then on.
     */
    protected final boolean isClosed() {
        return closed.get();
    }

    /**
     * Releases what the channel holds beyond its HTTP client, such as a thread that receives
     * people's messages; does nothing by default. Called exactly once, by the first
     * {@link #close()}, on the thread that closes, after sends are refused ({@link #isClosed()} is
     * already true, so a subclass that checks it under the same lock cannot start anything new
     * afterwards). Should be bounded (wait for a thread a few seconds at most) and should not throw:
     * an exception propagates out of that first {@code close()}, and the notifier stays closed.
     */
    protected void onClose() {
    }

    /** {@code DiscordNotifier[channel=ops, webhook=https://discord.com:443, timeout=PT10S]}. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[channel=" + channel + ", " + details() + ", timeout=" + http.timeout() + "]";
    }
}
