package io.ringwatch.notifiers.xmpp;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The xmpp notifier receiving people's messages and answering them, against a real Prosody server. */
class XmppReceivingTest {
    private static final String BOT = "bot@" + ProsodyServer.DOMAIN;
    private static final String ALICE = "alice@" + ProsodyServer.DOMAIN;
    private static final String BOT_PASSWORD = "bot-pw-receiving-8d2a";
    private static final String ALICE_PASSWORD = "alice-pw-receiving-1f9c";
    private static final String BOB_PASSWORD = "bob-pw-receiving-60e7";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ProsodyServer prosody;
    private final List<Inbox> inboxes = new ArrayList<>();
    private final List<XmppNotifier> notifiers = new ArrayList<>();
    /** Knows alice as a contact; anyone else gets no answer. */
    private final RecordingConversation conversation = new RecordingConversation(ALICE);
    private Inbox alice;

    @BeforeAll
    static void startProsody(@TempDir Path dir) throws Exception {
        prosody = ProsodyServer.start(dir, Map.of("bot", BOT_PASSWORD, "alice", ALICE_PASSWORD, "bob", BOB_PASSWORD));
    }

    @AfterAll
    static void stopProsody() throws InterruptedException {
        if (prosody != null) {
            prosody.close();
        }
    }

    @BeforeEach
    void aliceIsOnline() throws Exception {
        alice = online("alice", ALICE_PASSWORD);
    }

    @AfterEach
    void closeEverything() {
        notifiers.forEach(XmppNotifier::close);
        inboxes.forEach(Inbox::close);
    }

    @Test
    void handsAContactsMessageToTheConversationAndAnswersInAChat() throws Exception {
        XmppNotifier notifier = receiving(Map.of());

        alice.say(BOT, "status");

        InboundMessage received = conversation.next();
        assertThat(received.channel()).isEqualTo("ops-xmpp");
        assertThat(received.sender()).isEqualTo(ALICE);
        assertThat(received.text()).isEqualTo("status");
        assertThat(received.replyTo()).isEmpty();
        Message answer = alice.next();
        assertThat(answer.getBody()).isEqualTo("got: status");
        assertThat(answer.getType()).isEqualTo(Message.Type.chat);
        assertThat(answer.getFrom().asBareJid().toString()).isEqualTo(BOT);
        assertThat(notifier.receiver().logins()).isEqualTo(1);
    }

    @Test
    void aReplyInANotificationsThreadCarriesItsIncidentAndIsAnsweredThere() throws Exception {
        XmppNotifier notifier = receiving(Map.of());
        notifier.send(sampleAlert());
        Message alert = alice.next();

        // As a client does: to the full JID the notification came from, in its thread.
        alice.say(alert.getFrom().toString(), "ack", Message.Type.chat, alert.getThread());

        InboundMessage received = conversation.next();
        assertThat(received.replyTo()).isEqualTo(Optional.of(sampleAlert().incidentKey()));
        assertThat(received.text()).isEqualTo("ack");
        Message answer = alice.next();
        assertThat(answer.getBody()).isEqualTo("got: ack");
        assertThat(answer.getThread()).isEqualTo(alert.getThread());
    }

    @Test
    void aReplyToTheBareJidInAThreadSentToAContactCarriesItsIncident() throws Exception {
        XmppNotifier notifier = receiving(Map.of());
        notifier.send(sampleAlert(), new Recipient("alice", ALICE));
        Message alert = alice.next();

        alice.say(BOT, "mute 1h", Message.Type.chat, alert.getThread());

        assertThat(conversation.next().replyTo()).isEqualTo(Optional.of(sampleAlert().incidentKey()));
        assertThat(alice.next().getThread()).isEqualTo(alert.getThread());
    }

    @Test
    void aReplyInTheThreadOfANotificationThatAnotherNodeSentCarriesItsIncident() throws Exception {
        receiving(Map.of());
        XmppNotifier otherNode = sendingOnly();
        otherNode.send(sampleAlert());
        Message alert = alice.next();
        assertThat(alert.getFrom().asBareJid().toString()).as("the same account").isEqualTo(BOT);

        alice.say(BOT, "ack", Message.Type.chat, alert.getThread());

        InboundMessage received = conversation.next();
        assertThat(received.text()).isEqualTo("ack");
        assertThat(received.replyTo()).isEqualTo(Optional.of(sampleAlert().incidentKey()));
        assertThat(alice.next().getThread()).isEqualTo(alert.getThread());
    }

    @Test
    void aThreadNotOfTheFormTheChannelWritesCarriesNoIncident() throws Exception {
        receiving(Map.of());

        alice.say(BOT, "ack", Message.Type.chat, "38acaa5f-e8b7-3a5e-80bf-014ff6065bf8");
        alice.say(BOT, "mute 1h", Message.Type.chat, XmppThreads.of(sampleAlert().incidentKey()) + "=");

        assertThat(conversation.next().replyTo()).as("a client's own thread").isEmpty();
        assertThat(conversation.next().replyTo()).as("an incident's thread, altered").isEmpty();
    }

    @Test
    void answersAnUnknownSenderWithNothing() throws Exception {
        receiving(Map.of());
        Inbox bob = online("bob", BOB_PASSWORD);

        bob.say(BOT, "status");
        assertThat(conversation.next().sender()).isEqualTo("bob@" + ProsodyServer.DOMAIN);
        alice.say(BOT, "help");
        assertThat(conversation.next().text()).isEqualTo("help");
        assertThat(alice.next().getBody()).isEqualTo("got: help");

        // The receiver answers in order: an answer to bob would have been sent before alice's.
        bob.assertNothingCameBefore(alice);
    }

    @Test
    void ignoresItsOwnAccountAndMessagesWithoutText() throws Exception {
        receiving(Map.of());
        Inbox otherNode = online("bot", BOT_PASSWORD);

        otherNode.say(BOT, "status");
        alice.say(BOT, null);
        alice.say(BOT, "headline", Message.Type.headline, null);
        alice.say(BOT, "the first that counts");

        assertThat(conversation.next().text()).isEqualTo("the first that counts");
    }

    @Test
    void logsInAgainWhenTheServerDropsTheConnection() throws Exception {
        XmppNotifier notifier = receiving(Map.of());
        alice.say(BOT, "before");
        conversation.next();
        alice.next();

        prosody.restart();
        alice = online("alice", ALICE_PASSWORD);
        await("the receiver logged in again", () -> notifier.receiver().logins() >= 2 && notifier.receiver().isOnline());
        alice.say(BOT, "after");

        assertThat(conversation.next().text()).isEqualTo("after");
        assertThat(alice.next().getBody()).isEqualTo("got: after");
    }

    @Test
    void backsOffWhileTheLoginFails() throws Exception {
        XmppNotifier notifier = receiving(Map.of("password", "wrong-" + BOT_PASSWORD),
                new XmppBackoff(Duration.ofMillis(100), Duration.ofMillis(400)));
        long start = System.nanoTime();

        await("three logins", () -> notifier.receiver().logins() >= 3);

        // At least half of 100 ms, then of 200 ms, between the tries.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(notifier.receiver().isRunning()).isTrue();
        notifier.close();
        assertThat(notifier.receiver().isRunning()).isFalse();
    }

    @Test
    void closeStopsReceivingAndLogsOut() throws Exception {
        XmppNotifier notifier = receiving(Map.of());
        XmppReceiver receiver = notifier.receiver();

        long start = System.nanoTime();
        notifier.close();
        notifier.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(receiver.isRunning()).isFalse();
        assertThat(receiver.isOnline()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> notifier.startReceiving(conversation))
                .withMessage("channel 'ops-xmpp' is closed");
    }

    @Test
    void receivesOnce() throws Exception {
        XmppNotifier notifier = receiving(Map.of());

        assertThatIllegalStateException().isThrownBy(() -> notifier.startReceiving(conversation))
                .withMessage("channel 'ops-xmpp' receives already");
    }

    /** A notifier with receive: true that receives, online once this returns. */
    private XmppNotifier receiving(Map<String, String> overrides) throws Exception {
        XmppNotifier notifier = receiving(overrides, new XmppBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
        await("the receiver is online", () -> notifier.receiver().isOnline());
        return notifier;
    }

    private XmppNotifier receiving(Map<String, String> overrides, XmppBackoff backoff) {
        Map<String, String> settings = new HashMap<>(Map.of("receive", "true"));
        settings.putAll(overrides);
        XmppNotifier notifier = new XmppNotifier(botSettings(settings), backoff);
        notifiers.add(notifier);
        notifier.startReceiving(conversation);
        return notifier;
    }

    /** Another node's channel on the bot's account, which sends but does not receive. */
    private XmppNotifier sendingOnly() {
        XmppNotifier notifier = new XmppNotifier(botSettings(Map.of()));
        notifiers.add(notifier);
        return notifier;
    }

    /** The bot's account on the local Prosody, sending to alice, with {@code overrides}. */
    private static XmppSettings botSettings(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "jid", BOT,
                "password", BOT_PASSWORD,
                "to", ALICE,
                "host", "127.0.0.1",
                "port", Integer.toString(prosody.port()),
                "trust", prosody.certificate().toString(),
                "timeout", "5s"));
        settings.putAll(overrides);
        return XmppSettings.from(NotifierSettings.of("ops-xmpp", settings));
    }

    private Inbox online(String user, String password) throws Exception {
        Inbox inbox = Inbox.of(prosody, user, password);
        inboxes.add(inbox);
        return inbox;
    }

    /** Polls {@code condition} until it holds, at most {@link #WAIT}. */
    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }
}
