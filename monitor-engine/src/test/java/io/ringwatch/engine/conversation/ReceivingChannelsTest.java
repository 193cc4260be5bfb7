package io.ringwatch.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.Transport;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.Routing;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Channels that receive get the engine's conversation when it starts; one that fails to start stops no other. */
class ReceivingChannelsTest {
    private static final Transport NOWHERE = new Transport() {
        @Override
        public CompletionStage<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
            return new CompletableFuture<>();
        }
    };

    /** A chat that receives, and remembers the conversations it was started with. */
    private static final class Chat implements Notifier {
        final String name;
        final boolean failsToStart;
        final List<Conversation> started = new ArrayList<>();

        Chat(String name, boolean failsToStart) {
            this.name = name;
            this.failsToStart = failsToStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(Notification notification) {
        }

        @Override
        public boolean sendsToAddresses() {
            return true;
        }

        @Override
        public boolean receives() {
            return true;
        }

        @Override
        public void startReceiving(Conversation conversation) {
            if (failsToStart) {
                throw new IllegalStateException("bot token refused");
            }
            started.add(conversation);
        }
    }

    @Test
    void everyReceivingChannelStartsOnceWithTheEnginesConversationAndItsMessagesAreAnswered() {
        Chat broken = new Chat("broken", true);
        Chat chat = new Chat("chat", false);
        Notifier sendOnly = notification -> { };
        try (MonitorEngine engine = MonitorEngine.builder().self("n1").member(Member.of("n1", "http://10.0.0.1:7070"))
                .transport(NOWHERE).eventLog(new InMemoryEventLog())
                .notifier(broken).notifier(chat).notifier(sendOnly)
                .routing(Routing.builder().contact(Contact.of("alice", "chat", "42")).build())
                .build()) {
            assertThat(chat.started).as("not before the start").isEmpty();

            engine.start();

            assertThat(chat.started).containsExactly(engine.conversation());
            assertThat(chat.started.get(0).received(InboundMessage.of("chat", "42", "oncall", Instant.now())))
                    .isEqualTo("There is no on-call schedule.");
            assertThat(chat.started.get(0).received(InboundMessage.of("chat", "43", "oncall", Instant.now()))).isEmpty();
        }
    }
}
