package io.ringwatch.notifiers.matrix;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.testkit.Fault;
import io.ringwatch.testkit.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages people write to the bot over the real matrix channel (its homeserver on WireMock), in
 * a simulated farm of real engines: they land in the event log and drive the engine's commands.
 *
 * <p>Every engine of the farm has its own channel instance, and each syncs on its own. The
 * stubbed homeserver gives each receiver its own position ({@code next_batch}) and, as a real one,
 * hands a message to a position once: so a message is given to one chosen engine only. Which
 * position is whose is found out with a message from a stranger's room, given to one position at a
 * time until it is rejected on the engine that sent the alert: only that engine knows which
 * incident a reply to its alert concerns.
 */
class MatrixConversationTest {
    private static final String CHANNEL = "mx";
    private static final String TOKEN = "syt_Y29udmVyc2F0aW9u_e2eToken_4k5l6m";
    private static final String BOT = "@bot:example.org";
    private static final String ALICE_ROOM = "!dm-alice:example.org";
    private static final String ALICE_ROOM_SEND = "/_matrix/client/v3/rooms/%21dm-alice%3Aexample.org/send/m.room.message/";
    private static final String STRANGER_ROOM = "!stranger:example.org";
    private static final String SYNC = "/_matrix/client/v3/sync";
    private static final String ALERT_EVENT = "$alert-for-alice";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension homeserver = localProvider();

    @Test
    void repliesAndCommandsOverMatrixReachTheRealEngine() {
        aHomeserver();
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", CHANNEL, ALICE_ROOM))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via(CHANNEL))
                .build();
        try (SimulatedCluster farm = SimulatedCluster.builder().routing(routing)
                .config(MonitorConfig.custom().repeatInterval(Duration.ofHours(2)).build())
                .channel("matrix", CHANNEL, Map.of("homeserver", homeserver.baseUrl(), "access-token", TOKEN,
                        "room-id", "!ops:example.org", "receive", "true", "timeout", "2s"))
                .build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            Event sent = farm.events().stream().filter(e -> e.kind() == EventKind.NOTIFICATION_SENT
                    && CHANNEL.equals(e.attributes().get("channel")) && "alice".equals(e.attributes().get("to"))
                    && "ALERT".equals(e.attributes().get("notification"))).findFirst().orElseThrow();
            String owner = sent.observer().value();
            String incident = sent.attributes().get("incident");
            assertThat(sent.target()).isEqualTo(TargetId.parse("n3"));
            assertThat(homeserver.findAll(putRequestedFor(urlPathMatching(ALICE_ROOM_SEND + "ringwatch-[0-9a-f]{32}"))))
                    .as("the alert went to alice's room").isNotEmpty();

            // (4) A stranger's room is no contact's address: rejected, unanswered. Also finds the owner's position.
            String since = positionOf(farm, owner);
            assertThat(homeserver.findAll(putRequestedFor(urlPathMatching("/_matrix/client/v3/rooms/%21stranger.*"))))
                    .as("a stranger is answered with nothing").isEmpty();
            assertThat(farm.eventLog(owner).events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_REJECTED)
                    .singleElement().satisfies(rejected -> assertThat(rejected.message())
                            .startsWith("Ignored a message on mx from a sender who is not a contact").doesNotContain(STRANGER_ROOM));
            assertThat(farm.events()).noneMatch(e -> e.kind() == EventKind.MESSAGE_RECEIVED);

            // (1) A reply to the alert is written into the log of its node and incident.
            since = deliver(since, "r", event("$reply", "> <" + BOT + "> CRITICAL: node n3 DOWN\n> seen by " + owner
                    + "\n\nOk, I got this one", inReplyTo(ALERT_EVENT)));
            awaitUntil("the reply is answered", () -> answered("$reply"));
            assertThat(farm.eventLog(owner).events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED)
                    .singleElement().satisfies(event -> {
                        assertThat(event.message()).isEqualTo("alice (mx): Ok, I got this one");
                        assertThat(event.target()).isEqualTo(TargetId.parse("n3"));
                        assertThat(event.attributes()).containsEntry("incident", incident)
                                .containsEntry("by", "alice").containsEntry("text", "Ok, I got this one");
                    });
            homeserver.verify(1, putRequestedFor(urlPathEqualTo(ALICE_ROOM_SEND + MatrixMessage.answerTransactionId("$reply")))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .withRequestBody(equalToJson("{\"msgtype\":\"m.notice\",\"body\":\"Noted in the log of node n3.\","
                            + "\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$reply\"}}}")));

            // (2) ack in reply to the alert acknowledges n3, and the answer goes back to alice's room.
            since = deliver(since, "a", event("$ack", "ack", inReplyTo(ALERT_EVENT)));
            awaitUntil("the ack is answered", () -> answered("$ack"));
            awaitUntil("the acknowledgement is logged", () -> farm.events().stream()
                    .anyMatch(e -> e.kind() == EventKind.ACKNOWLEDGED));
            homeserver.verify(1, putRequestedFor(urlPathEqualTo(ALICE_ROOM_SEND + MatrixMessage.answerTransactionId("$ack")))
                    .withRequestBody(equalToJson("{\"msgtype\":\"m.notice\",\"body\":\"Acknowledged node n3: no more reminders "
                            + "or escalation.\",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$ack\"}}}")));
            farm.runFor(Duration.ofMinutes(5));
            assertThat(farm.view(owner).target(TargetId.parse("n3"))).hasValueSatisfying(view ->
                    assertThat(view.acknowledged()).isTrue());
            assertThat(farm.events()).anyMatch(e -> e.kind() == EventKind.ACKNOWLEDGED
                    && e.message().startsWith("alice acknowledged node n3 DOWN"));

            // (3) A mute changes the routing.
            since = deliver(since, "m", event("$mute", "mute n3 2h deploying", ""));
            awaitUntil("the mute is answered", () -> answered("$mute"));
            awaitUntil("the routing change is logged", () -> farm.events().stream()
                    .anyMatch(e -> e.kind() == EventKind.ROUTING_CHANGED));
            assertThat(farm.eventLog(owner).events()).anyMatch(e -> e.kind() == EventKind.ROUTING_CHANGED
                    && e.message().contains("n3") && e.message().contains("deploying"));
            homeserver.verify(1, putRequestedFor(urlPathEqualTo(ALICE_ROOM_SEND + MatrixMessage.answerTransactionId("$mute")))
                    .withRequestBody(containing("\"body\":\"Muted n3 for you until ")));
            // (4) subscribe: alice follows n2 from critical up, farm-wide, and is told so in her room.
            deliver(since, "s", event("$subscribe", "subscribe n2 critical", ""));
            awaitUntil("the subscribe is answered", () -> answered("$subscribe"));
            homeserver.verify(1, putRequestedFor(urlPathEqualTo(ALICE_ROOM_SEND + MatrixMessage.answerTransactionId("$subscribe")))
                    .withRequestBody(containing("\"body\":\"Subscribed to n2 from critical up, on " + CHANNEL + ".\"")));
            awaitUntil("every engine has the subscription", () -> farm.nodes().stream().filter(node -> !node.value().equals("n3"))
                    .allMatch(node -> farm.eventLog(node.value()).events().stream().anyMatch(e -> e.kind() == EventKind.ROUTING_CHANGED
                            && e.message().startsWith("alice subscribed to n2 from critical"))));
            // Each message was taken once, by the owner; the other watchers of n3 wrote what it was told, saying so.
            assertThat(farm.events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED && !e.attributes().containsKey("via"))
                    .hasSize(4).allSatisfy(e -> assertThat(e.observer().value()).isEqualTo(owner));
            assertThat(farm.events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED && e.attributes().containsKey("via"))
                    .isNotEmpty().allSatisfy(e -> {
                        assertThat(e.observer().value()).isNotEqualTo(owner);
                        assertThat(e.attributes()).containsEntry("via", owner);
                    });
        }
    }

    /** whoami; a first sync hands each receiver a position of its own; later syncs wait a little and bring nothing. */
    private static void aHomeserver() {
        homeserver.stubFor(get(urlPathEqualTo("/_matrix/client/v3/account/whoami"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"user_id\":\"" + BOT + "\",\"device_id\":\"RINGWATCH\"}")));
        homeserver.stubFor(put(urlPathMatching("/_matrix/client/v3/rooms/[^/]+/send/m\\.room\\.message/[^/]+"))
                .willReturn(okJson("{\"event_id\":\"$some-other-event\"}")));
        homeserver.stubFor(put(urlPathMatching(ALICE_ROOM_SEND + "ringwatch-[0-9a-f]{32}"))
                .willReturn(okJson("{\"event_id\":\"" + ALERT_EVENT + "\"}")));
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", absent())
                .willReturn(okJson("{\"next_batch\":\"b{{randomValue length=12 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template")));
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", matching(".+"))
                .willReturn(okJson("{\"next_batch\":\"{{request.query.since}}\"}").withFixedDelay(200)
                        .withTransformers("response-template")));
    }

    /**
     * Gives a stranger's message to each receiver's position in turn, until the owner rejects it.
     *
     * @return the owner's position after it
     */
    private static String positionOf(SimulatedCluster farm, String owner) {
        List<String> positions = new ArrayList<>();
        // The crashed n3 stopped receiving with its crash: the others sync on.
        awaitUntil("every running engine is syncing", () -> {
            positions.clear();
            positions.addAll(positions());
            return positions.size() >= farm.nodes().size() - 1;
        });
        for (String position : positions) {
            Map<String, Long> before = rejections(farm);
            String next = deliver(position, "p", "{\"type\":\"m.room.message\",\"event_id\":\"$probe-" + position
                    + "\",\"sender\":\"@mallory:example.org\",\"origin_server_ts\":" + farm.clock().millis()
                    + ",\"content\":{\"msgtype\":\"m.text\",\"body\":\"ack n3\"}}", STRANGER_ROOM);
            if (!eventually(() -> !rejections(farm).equals(before))) {
                continue; // the position of the crashed n3, which no longer syncs
            }
            Map<String, Long> after = rejections(farm);
            if (after.get(owner) > before.get(owner)) {
                return next;
            }
        }
        throw new AssertionError("no position of the owner " + owner + " among " + positions);
    }

    private static Set<String> positions() {
        Set<String> positions = new LinkedHashSet<>();
        homeserver.findAll(getRequestedFor(urlPathEqualTo(SYNC)).withQueryParam("since", matching(".+")))
                .forEach(request -> positions.add(request.queryParameter("since").firstValue()));
        return positions;
    }

    private static Map<String, Long> rejections(SimulatedCluster farm) {
        Map<String, Long> counts = new HashMap<>();
        for (NodeId node : farm.nodes()) {
            counts.put(node.value(), farm.eventLog(node.value()).events().stream()
                    .filter(e -> e.kind() == EventKind.MESSAGE_REJECTED).count());
        }
        return counts;
    }

    private static String deliver(String since, String suffix, String event) {
        return deliver(since, suffix, event, ALICE_ROOM);
    }

    /** The next sync from {@code since} (and only it) brings {@code event} in {@code room}; returns the position after. */
    private static String deliver(String since, String suffix, String event, String room) {
        String next = since + suffix;
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo(since))
                .willReturn(okJson("{\"next_batch\":\"" + next + "\",\"rooms\":{\"join\":{\"" + room
                        + "\":{\"timeline\":{\"events\":[" + event + "],\"limited\":false}}}}}")));
        return next;
    }

    private static String event(String id, String body, String relation) {
        return "{\"type\":\"m.room.message\",\"event_id\":\"" + id + "\",\"sender\":\"@alice:example.org\","
                + "\"origin_server_ts\":1925000000000,\"content\":{\"msgtype\":\"m.text\",\"body\":\""
                + body.replace("\n", "\\n") + "\"" + relation + "}}";
    }

    private static String inReplyTo(String eventId) {
        return ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"" + eventId + "\"}}";
    }

    private static boolean answered(String eventId) {
        return !homeserver.findAll(putRequestedFor(urlPathEqualTo(ALICE_ROOM_SEND
                + MatrixMessage.answerTransactionId(eventId)))).isEmpty();
    }

    /** Polls {@code condition} every 50 ms until it holds, failing after {@link #DEADLINE}. */
    /** Whether {@code condition} holds within a few seconds: for a position nobody may take any more. */
    private static boolean eventually(BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException nobodyTookIt) {
            return false;
        }
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
