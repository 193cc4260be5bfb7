package io.ringwatch.notifiers.xmpp;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.Message;

/**
 * Receives chat messages to the bot on a login of its own that shows the bot online (so the
 * server routes messages to the bare JID to it), hands each person's message to the
 * {@link Conversation} and sends a non-empty answer back to its sender, in its thread. Messages
 * that reach the channel's sending login (replies to the full JID a notification came from) are
 * handed over through {@link #arrived}. When the login fails or the server drops it, the
 * receiver logs in again after a {@link XmppBackoff} wait. Logs never show a sender's address,
 * the text or the password.
 *
 * <p>One daemon thread, {@code ringwatch-xmpp-receiver-<channel>}, from {@link #start()} to
 * {@link #close()}. Thread-safe.
 */
final class XmppReceiver implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XmppReceiver.class.getName());
    /** Messages waiting for the conversation; more are dropped (and logged). */
    static final int QUEUE = 100;
    /** How often an idle receiver checks that its login still holds. */
    private static final Duration CHECK = Duration.ofSeconds(1);
    private static final Duration STOP = Duration.ofSeconds(5);

    private final XmppSettings settings;
    private final Conversation conversation;
    private final XmppBackoff backoff;
    private final Clock clock;
    private final BlockingQueue<Message> arrived = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicInteger logins = new AtomicInteger();
    private final Thread thread;
    private volatile XmppSession session;
    private volatile boolean closed;

    XmppReceiver(XmppSettings settings, Conversation conversation, XmppBackoff backoff, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = new Thread(this::run, "ringwatch-xmpp-receiver-" + settings.channel());
        thread.setDaemon(true);
    }

    /** Starts the receiver's thread, which logs in at once. */
    void start() {
        thread.start();
    }

    /** Takes a message stanza from one of the channel's logins; never blocks (Smack's thread). */
    void arrived(Message message) {
        if (!closed && !arrived.offer(message)) {
            LOG.log(System.Logger.Level.WARNING, "channel ''{0}'': more than {1} messages wait for an answer; "
                    + "dropped one", settings.channel(), QUEUE);
        }
    }

    /** How many times the receiver tried to log in so far. */
    int logins() {
        return logins.get();
    }

    /** Whether the receiver is logged in and online, so that messages to the bot reach it. */
    boolean isOnline() {
        XmppSession current = session;
        return current != null && current.isUsable();
    }

    /** Whether the receiver's thread still runs. */
    boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        while (!closed) {
            XmppSession current;
            try {
                logins.incrementAndGet();
                current = XmppSession.open(settings, true, this::arrived);
            } catch (IOException e) {
                if (!pause(e.getMessage())) {
                    return;
                }
                continue;
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) { // so that close() either sees this session or refuses it
                if (closed) {
                    current.abort();
                    return;
                }
                session = current;
            }
            long since = System.nanoTime();
            try {
                serve(current);
            } catch (InterruptedException e) {
                return;
            } finally {
                session = null;
                current.abort();
            }
            if (System.nanoTime() - since > backoff.longest().toNanos()) {
                backoff.reset();
            }
            if (!closed && !pause("channel '" + settings.channel() + "': the connection that receives messages was lost")) {
                return;
            }
        }
    }

    /** Answers what arrives until the login drops or the receiver closes. */
    private void serve(XmppSession current) throws InterruptedException {
        while (!closed) {
            Message message = arrived.poll(CHECK.toMillis(), TimeUnit.MILLISECONDS);
            if (message != null) {
                handle(message, current);
            } else if (!current.isUsable()) {
                return;
            }
        }
    }

    private void handle(Message message, XmppSession current) throws InterruptedException {
        Optional<InboundMessage> inbound = XmppInbound.of(message, settings, clock.instant());
        if (inbound.isEmpty()) {
            return;
        }
        String answer;
        try {
            answer = conversation.received(inbound.get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "channel ''{0}'': the conversation failed on a message: {1}",
                    settings.channel(), e.getClass().getSimpleName());
            return;
        }
        if (answer == null || answer.isEmpty()) {
            return;
        }
        try {
            current.answer(message.getFrom(), message.getThread(), answer);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "channel ''{0}'': could not answer a message: {1}",
                    settings.channel(), e.getMessage());
        }
    }

    /** Waits the next backoff, after logging why; false if the receiver was closed meanwhile. */
    private boolean pause(String why) {
        Duration wait = backoff.next();
        LOG.log(System.Logger.Level.WARNING, "{0}; logging in again to receive in {1} ms", why, Long.toString(wait.toMillis()));
        try {
            Thread.sleep(wait.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops the thread and logs out; waits a few seconds at most. Idempotent. */
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
        if (current != null) {
            current.close();
        }
        thread.interrupt();
        try {
            thread.join(STOP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        arrived.clear();
    }

    @Override
    public String toString() {
        return "XmppReceiver[channel=" + settings.channel() + (closed ? ", closed" : "") + "]";
    }
}
