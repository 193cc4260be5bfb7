package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.fail;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A conversation for the tests: records every message and answers the known senders with
 * {@code got: <text>}, the others with nothing. Thread-safe.
 */
final class RecordingConversation implements Conversation {
    private final Set<String> known;
    private final BlockingQueue<InboundMessage> received = new LinkedBlockingQueue<>();

    RecordingConversation(String... known) {
        this.known = Set.of(known);
    }

    @Override
    public String received(InboundMessage message) {
        received.add(message);
        return known.contains(message.sender()) ? "got: " + message.text() : "";
    }

    /** The next message, waiting at most {@link Inbox#ARRIVAL}; fails the test if none comes. */
    InboundMessage next() throws InterruptedException {
        InboundMessage message = received.poll(Inbox.ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            fail("the conversation got no message within " + Inbox.ARRIVAL);
        }
        return message;
    }
}
