package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.testkit.Fault;
import io.ringwatch.testkit.SimulatedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People's messages over the real xmpp channel driving the real engine: a simulated farm whose
 * every engine has an xmpp channel with {@code receive: true}, all logged in to one bot account
 * on a real Prosody; alice (a contact) and bob (not one) write to the bot with Smack.
 *
 * <p>The farm runs in virtual time, the channel's receivers in real time: the tests wait for the
 * effect of a message with a bounded poll. A message to the bot's bare JID reaches every
 * receiver that is online (Prosody gives chat to all of an account's top-priority logins), so
 * what such a message does is asserted for at least one node; a reply to the full JID an alert
 * came from reaches that node alone.
 */
class XmppConversationTest {
    private static final String CHANNEL = "ops-xmpp";
    private static final String BOT = "bot@" + ProsodyServer.DOMAIN;
    private static final String ALICE = "alice@" + ProsodyServer.DOMAIN;
    private static final String BOT_PASSWORD = "bot-pw-conversation-3b71";
    private static final String ALICE_PASSWORD = "alice-pw-conversation-9e04";
    private static final String BOB_PASSWORD = "bob-pw-conversation-52ad";
    private static final TargetId N3 = TargetId.parse("n3");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private static ProsodyServer prosody;
    private final List<Inbox> inboxes = new ArrayList<>();
    private Inbox alice;
    private Inbox bob;

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
    void peopleAreOnline() throws Exception {
        alice = online("alice", ALICE_PASSWORD);
        bob = online("bob", BOB_PASSWORD);
    }

    @AfterEach
    void closeInboxes() {
        inboxes.forEach(Inbox::close);
    }

    @Test
    void aReplyInTheAlertsThreadIsLoggedOnItsIncidentAndAckAcknowledgesIt() throws Exception {
        try (SimulatedCluster farm = farm()) {
            farm.inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            Message alert = nextWhere(alice, m -> m.getBody().contains("n3") && m.getThread() != null, "the alert for n3");
            String incident = alert.getBody().lines().filter(line -> line.startsWith("incident ")).findFirst()
                    .orElseThrow().substring("incident ".length());

            // As a client replies: to the full JID the alert came from, in its thread.
            alice.say(alert.getFrom().toString(), "Ok, I got this one", Message.Type.chat, alert.getThread());

            Event received = awaitEvent(farm, e -> e.kind() == EventKind.MESSAGE_RECEIVED
                    && "Ok, I got this one".equals(e.attributes().get("text")), "the reply in the log");
            assertThat(received.message()).isEqualTo("alice (" + CHANNEL + "): Ok, I got this one");
            assertThat(received.target()).isEqualTo(N3);
            assertThat(received.attributes()).containsEntry("by", "alice").containsEntry("channel", CHANNEL)
                    .containsEntry("incident", incident);
            String watcher = received.observer().value();
            assertThat(farm.view(watcher).target(N3)).hasValueSatisfying(view ->
                    assertThat(view.incidentKey()).isEqualTo(incident));
            Message noted = nextWhere(alice, m -> m.getBody().startsWith("Noted"), "the answer to the reply");
            assertThat(noted.getBody()).isEqualTo("Noted in the log of node n3.");
            assertThat(noted.getThread()).isEqualTo(alert.getThread());
            assertThat(noted.getFrom().asBareJid().toString()).isEqualTo(BOT);

            alice.say(alert.getFrom().toString(), "ack", Message.Type.chat, alert.getThread());

            Message acknowledged = nextWhere(alice, m -> m.getBody().startsWith("Acknowledged")
                    || m.getBody().startsWith("Told"), "the answer to ack");
            assertThat(acknowledged.getBody()).isEqualTo("Acknowledged node n3: no more reminders or escalation.");
            assertThat(acknowledged.getThread()).isEqualTo(alert.getThread());
            assertThat(awaitEvent(farm, e -> e.kind() == EventKind.ACKNOWLEDGED, "the acknowledgement").message())
                    .isEqualTo("alice acknowledged node n3 DOWN: via " + CHANNEL);
            assertThat(farm.view(watcher).target(N3)).hasValueSatisfying(view ->
                    assertThat(view.acknowledged()).isTrue());
        }
    }

    @Test
    void muteOverTheBareJidChangesTheRoutingAndTheMutedContactIsNotAlerted() throws Exception {
        try (SimulatedCluster farm = farm()) {
            receiversAnswer();

            alice.say(BOT, "mute n3 2h deploying");

            Message muted = nextWhere(alice, m -> m.getBody().startsWith("Muted"), "the answer to mute");
            assertThat(muted.getBody()).startsWith("Muted n3 for you until ").endsWith(", or until it recovers: deploying.");
            assertThat(awaitEvent(farm, e -> e.kind() == EventKind.ROUTING_CHANGED, "the mute in the log").message())
                    .startsWith("alice muted n3 until ").endsWith(": deploying");
            assertThat(farm.events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED
                    && "mute n3 2h deploying".equals(e.attributes().get("text")))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.attributes()).containsEntry("by", "alice")
                            .doesNotContainKey("incident"));

            farm.runFor(Duration.ofMinutes(1)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            // The engines send inline and the channel waits until the server has taken each
            // message: an alert would be in alice's inbox before bob's fence.
            assertThat(farm.events()).as("n3 was seen DOWN").anyMatch(e -> e.kind() == EventKind.STATE_CHANGED
                    && N3.equals(e.target()) && e.message().contains("DOWN"));
            assertThat(until(alice, bob)).extracting(Message::getBody).noneMatch(body -> body.contains("DOWN"));
        }
    }

    @Test
    void subscribeOverTheBareJidAddsTheSubscriptionOnEveryEngine() throws Exception {
        try (SimulatedCluster farm = farm()) {
            receiversAnswer();

            alice.say(BOT, "subscribe n2 critical");

            Message subscribed = nextWhere(alice, m -> m.getBody().startsWith("Subscribed"), "the answer to subscribe");
            assertThat(subscribed.getBody()).isEqualTo("Subscribed to n2 from critical up, on " + CHANNEL + ".");
            await("every engine has the subscription", () -> farm.nodes().stream()
                    .allMatch(node -> farm.eventLog(node.value()).events().stream().anyMatch(e -> e.kind() == EventKind.ROUTING_CHANGED
                            && e.message().startsWith("alice subscribed to n2 from critical"))));
            assertThat(farm.events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED
                    && "subscribe n2 critical".equals(e.attributes().get("text")))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.attributes()).containsEntry("by", "alice"));
        }
    }

    @Test
    void aSenderWhoIsNotAContactGetsNoAnswerAndIsLoggedAsRejected() throws Exception {
        try (SimulatedCluster farm = farm()) {
            receiversAnswer();

            bob.say(BOT, "mute n3 2h");
            alice.say(BOT, "note after bob");

            // Every node that took bob's message took alice's after it, on the same login, and
            // answers in order: once alice has all her answers, any answer to bob was sent first.
            await("every node that rejected bob's message answered alice's next one", () -> {
                List<Event> events = farm.events();
                Set<String> rejecting = observers(events, e -> e.kind() == EventKind.MESSAGE_REJECTED);
                Set<String> noting = observers(events, e -> e.kind() == EventKind.ANNOTATION
                        && e.message().contains("after bob"));
                return !rejecting.isEmpty() && noting.containsAll(rejecting);
            });
            long notes = farm.events().stream().filter(e -> e.kind() == EventKind.ANNOTATION
                    && e.message().contains("after bob")).count();
            for (long answer = 0; answer < notes; answer++) {
                assertThat(nextWhere(alice, m -> m.getBody().equals("Noted."), "alice's answers").getBody()).isEqualTo("Noted.");
            }

            assertThat(until(bob, alice)).as("bob gets no answer").isEmpty();
            Event rejected = farm.events().stream().filter(e -> e.kind() == EventKind.MESSAGE_REJECTED).findFirst().orElseThrow();
            assertThat(rejected.message()).startsWith("Ignored a message on " + CHANNEL + " from a sender who is not a contact")
                    .doesNotContain("bob");
            assertThat(rejected.attributes().values()).noneMatch(value -> value.contains("bob"));
            assertThat(farm.events()).noneMatch(e -> e.kind() == EventKind.ROUTING_CHANGED)
                    .noneMatch(e -> e.kind() == EventKind.MESSAGE_RECEIVED && e.message().contains("mute n3"));
        }
    }

    /** Five engines, each with the xmpp channel receiving on the bot's account; alice is a contact on it. */
    private static SimulatedCluster farm() {
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", CHANNEL, ALICE))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via(CHANNEL))
                .build();
        SimulatedCluster farm = SimulatedCluster.builder().routing(routing)
                .config(MonitorConfig.custom().repeatInterval(Duration.ofHours(2)).build())
                .channel("xmpp", CHANNEL, Map.of(
                        "jid", BOT,
                        "password", BOT_PASSWORD,
                        "to", ALICE,
                        "host", "127.0.0.1",
                        "port", Integer.toString(prosody.port()),
                        "trust", prosody.certificate().toString(),
                        "timeout", "5s",
                        "receive", "true"))
                .build();
        farm.runFor(Duration.ofMinutes(3));
        return farm;
    }

    /**
     * Waits until at least one receiver is online: alice asks for help on the bare JID until an
     * answer comes (before, the server has no online login of the bot to give it to).
     */
    private void receiversAnswer() {
        long[] askedAt = {Long.MIN_VALUE};
        Awaitility.await("a receiver of the bot answers").atMost(WAIT).pollInterval(POLL).until(() -> {
            if (!alice.isEmpty()) {
                return true;
            }
            if (askedAt[0] == Long.MIN_VALUE || System.nanoTime() - askedAt[0] > Duration.ofSeconds(1).toNanos()) {
                alice.say(BOT, "help"); // again every second, as the message is lost while no receiver is online
                askedAt[0] = System.nanoTime();
            }
            return false;
        });
    }

    /** The next message of {@code inbox} that matches, skipping others; fails after {@link #WAIT}. */
    private static Message nextWhere(Inbox inbox, Predicate<Message> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Message message = inbox.next();
            if (message.getBody() != null && wanted.test(message)) {
                return message;
            }
        }
        return fail("not within " + WAIT + ": " + what);
    }

    /** Every message {@code inbox} received before a fence that {@code other} sends it now. */
    private static List<Message> until(Inbox inbox, Inbox other) throws Exception {
        String fence = "fence " + UUID.randomUUID();
        other.say(inbox.jid(), fence);
        List<Message> before = new ArrayList<>();
        for (Message next = inbox.next(); !fence.equals(next.getBody()); next = inbox.next()) {
            before.add(next);
        }
        return before;
    }

    private static Event awaitEvent(SimulatedCluster farm, Predicate<Event> wanted, String what) throws InterruptedException {
        await(what, () -> farm.events().stream().anyMatch(wanted));
        return farm.events().stream().filter(wanted).findFirst().orElseThrow();
    }

    private static Set<String> observers(List<Event> events, Predicate<Event> wanted) {
        return events.stream().filter(wanted).map(e -> e.observer().value()).collect(Collectors.toSet());
    }

    /** Polls {@code condition} every {@link #POLL} until it holds, at most {@link #WAIT}. */
    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(WAIT).pollInterval(POLL).until(condition::getAsBoolean);
    }

    private Inbox online(String user, String password) throws Exception {
        Inbox inbox = Inbox.of(prosody, user, password);
        inboxes.add(inbox);
        return inbox;
    }
}
