package io.ringwatch.notifiers.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Receives the messages people write in the rooms the channel's user has joined, on a daemon
 * thread of its own, by syncing again and again ({@code GET /sync} with a long poll): hands each
 * to the conversation and sends its answer, if any, back to the room as a reply. Starts from the
 * moment it starts: older messages are not handled. After a failure it waits (doubling, with
 * jitter, up to a bound; longer if the homeserver asks) and goes on. Never logs a room, a text or
 * the token. Thread-safe.
 */
final class MatrixReceiver {
    private static final System.Logger LOG = System.getLogger(MatrixReceiver.class.getName());

    /**
     * How the receiver paces itself.
     *
     * @param syncWait how long one sync waits for an event (the homeserver holds the request)
     * @param firstBackoff the wait after a first failure; it doubles with each further one
     * @param maxBackoff the longest wait after failures
     * @param minInterval the least time from one sync's start to the next one's, should a
     *        homeserver answer at once with nothing
     */
    record Timing(Duration syncWait, Duration firstBackoff, Duration maxBackoff, Duration minInterval) {
        /** 25 s syncs; 1 s to 60 s after failures; at most 5 syncs a second. */
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(25), Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMillis(200));

        Timing {
            Objects.requireNonNull(syncWait, "syncWait");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(minInterval, "minInterval");
        }
    }

    private final String channel;
    private final MatrixClient client;
    private final RepliedIncident replied;
    private final Timing timing;
    private final Thread thread;
    private volatile Conversation conversation;
    private volatile boolean stopped;

    MatrixReceiver(String channel, MatrixClient client, SentEvents sent, Timing timing) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.client = Objects.requireNonNull(client, "client");
        this.replied = new RepliedIncident(channel, client, sent);
        this.timing = Objects.requireNonNull(timing, "timing");
        this.thread = new Thread(this::run, "ringwatch-matrix-receiver-" + channel);
        thread.setDaemon(true);
    }

    /** Starts the thread, once; does nothing if started or stopped before. */
    synchronized void start(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        if (stopped || this.conversation != null) {
            return;
        }
        this.conversation = conversation;
        thread.start();
    }

    /** Stops the thread: interrupts what it waits for, and waits up to {@code bound} for it to end. Idempotent. */
    void stop(Duration bound) {
        synchronized (this) {
            stopped = true;
        }
        if (!thread.isAlive() || Thread.currentThread() == thread) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the thread is running. */
    boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        String self = null;
        Optional<String> since = Optional.empty();
        int failures = 0;
        while (!stopped) {
            long started = System.nanoTime();
            Optional<Duration> askedWait = Optional.empty();
            try {
                if (self == null) {
                    self = client.whoami();
                    LOG.log(Level.INFO, "channel ''{0}'': receiving messages", channel);
                }
                JsonNode body = client.sync(since, since.isEmpty() ? MatrixSync.FIRST_FILTER : MatrixSync.FILTER);
                Optional<MatrixSync.Page> page = MatrixSync.read(body, self, Instant.now());
                if (page.isEmpty()) {
                    throw new MatrixClient.Unreadable("channel '" + channel + "': " + MatrixClient.PROVIDER
                            + " answered a sync without next_batch");
                }
                if (since.isPresent()) {
                    for (MatrixSync.Message message : page.get().messages()) {
                        handle(message, self);
                    }
                }
                since = Optional.of(page.get().nextBatch());
                failures = 0;
                pause(timing.minInterval().minusNanos(System.nanoTime() - started));
                continue;
            } catch (InterruptedException e) {
                break;
            } catch (MatrixClient.Unreadable e) {
                if (since.isPresent()) {
                    LOG.log(Level.WARNING, "channel ''{0}'': {1}; starting again from now, so messages since the "
                            + "last sync are not answered", channel, e.getMessage());
                    since = Optional.empty();
                } else {
                    LOG.log(Level.WARNING, "{0}", e.getMessage());
                }
            } catch (MatrixRefusal e) {
                askedWait = e.retryAfter();
                LOG.log(Level.WARNING, "{0}", e.getMessage());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "{0}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "channel ''{0}'': receiving failed: {1}", channel, e.getClass().getName());
            }
            failures++;
            try {
                pause(backoff(failures, askedWait));
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /**
     * Hands the message to the conversation, with the incident it answers ({@link RepliedIncident}),
     * and sends the answer back; a failure is logged, and the message left.
     */
    private void handle(MatrixSync.Message message, String self) throws InterruptedException {
        Optional<String> incident = replied.of(message.roomId(), message.related(), self);
        try {
            String answer = conversation.received(new InboundMessage(channel, message.roomId(), message.text(), incident,
                    message.at()));
            if (answer != null && !answer.isBlank()) {
                client.send(message.roomId(), MatrixMessage.answerTransactionId(message.eventId()),
                        MatrixMessage.answer(answer, message.eventId()), List.of(message.roomId()));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "channel ''{0}'': could not answer a message: {1}", channel, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "channel ''{0}'': could not handle a message: {1}", channel, e.getClass().getName());
        }
    }

    /** The wait after {@code failures} failures in a row: doubling from the first, bounded, jittered, at least what was asked. */
    Duration backoff(int failures, Optional<Duration> asked) {
        long first = Math.max(1, timing.firstBackoff().toMillis());
        long max = Math.max(first, timing.maxBackoff().toMillis());
        long full = Math.min(max, first << Math.min(failures - 1, 30));
        long jittered = full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
        long wanted = asked.map(Duration::toMillis).map(ms -> Math.min(ms, max)).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, wanted));
    }

    private void pause(Duration wait) throws InterruptedException {
        if (!wait.isNegative() && !wait.isZero() && !stopped) {
            Thread.sleep(wait.toMillis(), 0);
        }
    }

    @Override
    public String toString() {
        return "MatrixReceiver[channel=" + channel + ", running=" + isRunning() + "]";
    }
}
