package io.ringwatch.notifiers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Receives the messages people write to the bot with {@code getUpdates} long polls, on one daemon
 * thread of its own named {@code ringwatch-telegram-<channel>}, hands each to the conversation and
 * sends its answer back to the chat. A batch of updates is handled once the next poll (a short one)
 * confirmed it, so that agents polling the same bot rarely both get it. Failures
 * back off with jitter, from {@link Pacing#backoffMin} doubling up to {@link Pacing#backoffMax}
 * (or as long as Telegram's {@code retry_after} asks); a 409 because another agent polls the same bot
 * backs off between {@link Pacing#conflictMin} and {@link Pacing#conflictMax}, so that the agents
 * take turns. Log lines name the channel, never a chat, a text or the token. Thread-safe.
 */
final class TelegramReceiver implements Runnable {
    private static final System.Logger LOG = System.getLogger(TelegramReceiver.class.getName());
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /**
     * How the receiver paces itself.
     *
     * @param pollSeconds how long one {@code getUpdates} waits for a message
     * @param backoffMin the pause after a first failure, doubled after each further one
     * @param backoffMax the longest pause after failures
     * @param conflictMin the shortest pause after a 409
     * @param conflictMax the longest pause after a 409
     * @param quietMin the least time between two polls that brought nothing, should an answer come early
     * @param maxAge how old a message may be and still be handled; older ones were written while nobody listened
     */
    record Pacing(int pollSeconds, Duration backoffMin, Duration backoffMax, Duration conflictMin, Duration conflictMax,
            Duration quietMin, Duration maxAge) {
        /** Polls of 25 s, failures from 1 s to 1 min, conflicts 1–5 s, messages up to 15 min old. */
        static final Pacing DEFAULT = new Pacing(25, Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(15));
    }

    private final String channel;
    private final TelegramApi api;
    private final SentMessages sent;
    private final Conversation conversation;
    private final Pacing pacing;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean stopped;

    /** @param sent what the channel sent, to tell which incident a reply answers */
    TelegramReceiver(String channel, TelegramApi api, SentMessages sent, Conversation conversation, Pacing pacing,
            Clock clock) {
        this.channel = channel;
        this.api = api;
        this.sent = sent;
        this.conversation = conversation;
        this.pacing = pacing;
        this.clock = clock;
        this.thread = new Thread(this, "ringwatch-telegram-" + channel);
        this.thread.setDaemon(true);
    }

    /** Starts the thread. */
    void start() {
        thread.start();
    }

    /** Stops the thread, cutting a poll short, and waits up to 2 s for it to end. Idempotent. */
    void stop() {
        stopped = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the thread still runs. */
    boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void run() {
        long offset = 0;
        int failures = 0;
        // Updates received but not yet confirmed: they are handled once the next poll confirmed
        // them, so that another agent polling the same bot does not get them too.
        JsonNode pending = null;
        try {
            while (!stopped) {
                long started = System.nanoTime();
                try {
                    JsonNode updates = api.getUpdates(offset, pending == null ? pacing.pollSeconds() : 0);
                    failures = 0;
                    handleAll(pending);
                    pending = null;
                    for (JsonNode update : updates) {
                        offset = Math.max(offset, update.path("update_id").asLong(-1) + 1);
                    }
                    if (!updates.isEmpty()) {
                        pending = updates;
                    } else if (!stopped) {
                        pause(pacing.quietMin().minusNanos(System.nanoTime() - started));
                    }
                } catch (TelegramApi.Refused e) {
                    if (isTakeOver(e)) {
                        // The poll that confirmed them was cut short: they count as confirmed.
                        handleAll(pending);
                        pending = null;
                        LOG.log(Level.DEBUG, "channel ''{0}'': another getUpdates for the same bot took over; "
                                + "trying again soon", channel);
                        pause(between(pacing.conflictMin(), pacing.conflictMax()));
                    } else {
                        failures++;
                        pause(failed(e, failures, e.retryAfterSeconds().isPresent()
                                ? Duration.ofSeconds(e.retryAfterSeconds().getAsLong()) : Duration.ZERO));
                    }
                } catch (IOException | RuntimeException e) {
                    failures++;
                    pause(failed(e, failures, Duration.ZERO));
                }
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    /** A 409 because another {@code getUpdates} took over, not because a webhook is set. */
    private static boolean isTakeOver(TelegramApi.Refused e) {
        return e.status() == TelegramApi.CONFLICT && !e.getMessage().toLowerCase(Locale.ROOT).contains("webhook");
    }

    private void handleAll(JsonNode updates) throws InterruptedException {
        if (updates != null) {
            for (JsonNode update : updates) {
                handle(update);
            }
        }
    }

    /** Hands one update's message, if it is a person's text, to the conversation and sends the answer. */
    private void handle(JsonNode update) throws InterruptedException {
        Instant now = clock.instant();
        Optional<TelegramUpdate> read = TelegramUpdate.of(update, now);
        if (read.isEmpty() || read.get().at().isBefore(now.minus(pacing.maxAge()))) {
            return;
        }
        TelegramUpdate message = read.get();
        // This agent's memory of what it sent first; else the incident line of the bot's message quoted.
        Optional<String> incident = (message.replyTo().isPresent()
                ? sent.incidentOf(message.chatId(), message.replyTo().getAsLong())
                : Optional.<String>empty()).or(message::quotedIncident);
        String answer;
        try {
            answer = conversation.received(new InboundMessage(channel, message.chatId(), message.text(), incident, message.at()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "channel ''{0}'': the conversation failed on a message: {1}", channel, e.getClass().getName());
            return;
        }
        if (answer == null || answer.isBlank()) {
            return;
        }
        try {
            api.answer(message.chatId(), message.messageId(), answer);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not answer a message: {0}", e.getMessage());
        }
    }

    /** Logs a failure to receive (the first, then every tenth) and says how long to pause. */
    private Duration failed(Exception e, int failures, Duration asked) {
        Duration backoff = pacing.backoffMin().multipliedBy(1L << Math.min(failures - 1, 20));
        backoff = backoff.compareTo(pacing.backoffMax()) > 0 ? pacing.backoffMax() : backoff;
        Duration pause = between(backoff.dividedBy(2), backoff);
        if (asked.compareTo(pause) > 0) {
            pause = asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked;
        }
        Level level = failures == 1 || failures % 10 == 0 ? Level.WARNING : Level.DEBUG;
        LOG.log(level, "Receiving failed ({0} in a row; next try in {1} ms): {2}", String.valueOf(failures),
                String.valueOf(pause.toMillis()), e instanceof IOException ? e.getMessage() : "channel '" + channel + "': " + e);
        return pause;
    }

    private static Duration between(Duration min, Duration max) {
        long low = min.toMillis();
        long high = Math.max(low, max.toMillis());
        return Duration.ofMillis(low == high ? low : ThreadLocalRandom.current().nextLong(low, high + 1));
    }

    private void pause(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero() && !stopped) {
            Thread.sleep(duration.toMillis(), 0);
        }
    }

    @Override
    public String toString() {
        return "TelegramReceiver[channel=" + channel + (stopped ? ", stopped" : "") + "]";
    }
}
