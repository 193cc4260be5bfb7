package io.ringwatch.notifiers.matrix;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A conversation that records each message and answers what a function says. Test-only; thread-safe. */
final class RecordingConversation implements Conversation {
    private final LinkedBlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
    private final Function<InboundMessage, String> answers;

    RecordingConversation(Function<InboundMessage, String> answers) {
        this.answers = answers;
    }

    @Override
    public String received(InboundMessage message) {
        messages.add(message);
        return answers.apply(message);
    }

    /** The next message received, waiting up to 5 s; fails if none comes. */
    InboundMessage next() throws InterruptedException {
        InboundMessage message = messages.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message was received within 5 s");
        }
        return message;
    }

    /** The messages received and not taken yet. */
    List<InboundMessage> rest() {
        List<InboundMessage> rest = new ArrayList<>();
        messages.drainTo(rest);
        return rest;
    }
}
