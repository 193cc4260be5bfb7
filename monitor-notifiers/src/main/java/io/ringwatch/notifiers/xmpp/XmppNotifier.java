package io.ringwatch.notifiers.xmpp;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.EntityBareJid;

/**
 * Sends each notification as an XMPP chat message from the bot's account to every recipient,
 * or, for a contact ({@link #send(Notification, Recipient)}), to the contact's JID alone, with
 * Smack. The first send connects and logs in; the connection then stays open for the next
 * ones, and a send that finds it dropped (a server restart, a network error, an earlier failure)
 * connects and logs in again. {@link #close()} says goodbye to the server.
 *
 * <p>Each delivery runs on the channel's own thread (started at the first send, ended after a
 * minute without one) so that it is bounded by the channel's timeout, connecting and logging in
 * included: when the time is up, or the caller is interrupted, the connection is cut, the
 * delivery fails, and the next send starts afresh. Failures are {@link IOException}s whose
 * message names the channel and the cause, never the password.
 *
 * <p>With {@code receive: true}, {@link #startReceiving} starts an {@link XmppReceiver}: a login
 * of its own that shows the bot online and answers people's messages; messages that reach the
 * sending login (a reply to the full JID a notification came from) are handed to it too. Each
 * notification's thread names its incident ({@link XmppThreads}), so that a message in that
 * thread replies to it, whichever node sharing the account sent the notification.
 *
 * <p>Thread-safe: sends may overlap (the engine starts a new one when an earlier one timed out);
 * they are delivered one at a time. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class XmppNotifier implements Notifier {
    private static final System.Logger LOG = System.getLogger(XmppNotifier.class.getName());

    private final XmppSettings settings;
    private final XmppFailures failures;
    private final ThreadPoolExecutor worker;
    /**
     * The open session: set on the worker thread (under this object's lock, which {@link #close}
     * takes too), read by {@link #abandon}.
     */
    private volatile XmppSession session;
    private volatile boolean closed;
    private final XmppBackoff backoff;
    /** Set once by {@link #startReceiving}, under this object's lock. */
    private volatile XmppReceiver receiver;

    XmppNotifier(XmppSettings settings) {
        this(settings, new XmppBackoff());
    }

    /** With the receiver's waits between logins. */
    XmppNotifier(XmppSettings settings, XmppBackoff backoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.failures = new XmppFailures(settings);
        this.worker = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "ringwatch-xmpp-" + settings.channel());
            thread.setDaemon(true);
            return thread;
        });
        worker.allowCoreThreadTimeOut(true);
        if (settings.trust() instanceof XmppTrust.Insecure) {
            LOG.log(System.Logger.Level.WARNING, "channel ''{0}'': insecure-trust is true, so the XMPP server''s "
                    + "certificate is not checked and anyone on the path can read the password; for tests and labs only",
                    settings.channel());
        }
    }

    @Override
    public String name() {
        return settings.channel();
    }

    /**
     * Sends the notification to every recipient and waits until the server has taken it, at
     * most the channel's timeout.
     *
     * @throws IOException if the server cannot be reached, refuses TLS or the login, bounces a
     *         message, or does not take it within the timeout ({@link java.net.SocketTimeoutException})
     * @throws InterruptedException if the calling thread is interrupted; the connection is cut
     * @throws IllegalStateException if the notifier is closed
     * @throws NullPointerException if {@code notification} is null
     */
    @Override
    public void send(Notification notification) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        run(session -> session.deliver(notification));
    }

    /** True: a contact's address on an xmpp channel is a bare JID. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Empty if {@code address} is a bare JID (and, on a channel that receives, written as XMPP
     * normalises it, so that messages from it are known to come from the contact); else what it
     * must be.
     */
    @Override
    public Optional<String> addressProblem(String address) {
        EntityBareJid jid;
        try {
            jid = XmppSettings.contactJid(name(), new Recipient("contact", address));
        } catch (IllegalArgumentException wrong) {
            return Optional.of("must be a bare JID of the form user@domain");
        }
        if (settings.receive() && !jid.toString().equals(address.strip())) {
            return Optional.of("must be a bare JID written as XMPP normalises it, in lower case: alice@example.org");
        }
        return Optional.empty();
    }

    /**
     * Sends the notification to the contact's JID only, instead of the channel's recipients, and
     * waits until the server has taken it, at most the channel's timeout.
     *
     * @throws IllegalArgumentException if the address is not a bare JID, {@code alice@example.org};
     *         the message names the contact, never the address
     * @throws IOException as {@link #send(Notification)}; a bounce names the contact, never the JID
     * @throws InterruptedException if the calling thread is interrupted; the connection is cut
     * @throws IllegalStateException if the notifier is closed
     * @throws NullPointerException if an argument is null
     */
    @Override
    public void send(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        EntityBareJid to = XmppSettings.contactJid(name(), Objects.requireNonNull(recipient, "recipient"));
        run(session -> session.deliverTo(notification, to, recipient));
    }

    /** Whether the channel receives messages: setting {@code receive}. */
    @Override
    public boolean receives() {
        return settings.receive();
    }

    /**
     * Starts the receiver: it logs in at once, on its own thread, and answers every person's
     * message through {@code conversation} until {@link #close()}.
     *
     * @throws IllegalStateException if the channel does not receive, already receives, or is closed
     * @throws NullPointerException if {@code conversation} is null
     */
    @Override
    public synchronized void startReceiving(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        if (!settings.receive()) {
            throw new IllegalStateException("channel '" + name() + "' does not receive: setting 'receive' is false");
        }
        if (closed) {
            throw new IllegalStateException("channel '" + name() + "' is closed");
        }
        if (receiver != null) {
            throw new IllegalStateException("channel '" + name() + "' receives already");
        }
        receiver = new XmppReceiver(settings, conversation, backoff, Clock.systemUTC());
        receiver.start();
    }

    /** The receiver, once started. */
    XmppReceiver receiver() {
        return receiver;
    }

    /** A message that reached the sending login: the receiver's, if it runs. */
    private void arrivedWhileSending(Message message) {
        XmppReceiver current = receiver;
        if (current != null) {
            current.arrived(message);
        }
    }

    /** What one send does with the open session. */
    @FunctionalInterface
    private interface Delivery {
        void on(XmppSession session) throws IOException, InterruptedException;
    }

    /** Runs the delivery on the channel's thread, bounded by the timeout. */
    private void run(Delivery delivery) throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("channel '" + name() + "' is closed");
        }
        Future<Void> running;
        try {
            running = worker.submit(() -> {
                deliver(delivery);
                return null;
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("channel '" + name() + "' is closed");
        }
        try {
            running.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(running);
            throw failures.timedOut();
        } catch (InterruptedException e) {
            abandon(running);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof IllegalStateException closedMeanwhile && closed) {
                throw closedMeanwhile;
            }
            throw failures.failure("XMPP delivery failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    /** On the worker thread: (re)connects if needed, then delivers; a failure drops the session. */
    private void deliver(Delivery delivery) throws IOException, InterruptedException {
        XmppSession current = session;
        if (current == null || !current.isUsable()) {
            if (current != null) {
                current.abort();
            }
            session = null;
            current = XmppSession.open(settings, false, settings.receive() ? this::arrivedWhileSending : null);
            synchronized (this) { // so that close() either sees this session or refuses it
                if (closed) {
                    current.abort();
                    throw new IllegalStateException("channel '" + name() + "' is closed");
                }
                session = current;
            }
        }
        try {
            delivery.on(current);
        } catch (IOException | RuntimeException e) {
            current.abort();
            session = null;
            throw e;
        }
    }

    /** Gives up on a delivery: interrupts it and cuts the connection it may be waiting on. */
    private void abandon(Future<Void> delivery) {
        delivery.cancel(true);
        XmppSession current = session;
        if (current != null) {
            current.abort();
        }
    }

    /** Stops receiving, logs out and closes the connection, if one is open, and ends the channel's threads. */
    @Override
    public void close() {
        XmppSession current;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = session;
            session = null;
        }
        if (receiver != null) {
            receiver.close();
        }
        worker.shutdownNow();
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "XmppNotifier[channel=" + name() + ", jid=" + settings.account() + ", to=" + settings.recipients()
                + ", server=" + settings.server() + ", security=" + settings.security() + ", trust=" + settings.trust()
                + ", timeout=" + settings.timeout() + (settings.receive() ? ", receive=true" : "") + "]";
    }
}
