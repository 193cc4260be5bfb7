package io.ringwatch.notifiers.matrix;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MatrixReceivingTest {
    private static final String TOKEN = "syt_cmVjZWl2ZQ_receiveToken_7q8r9s";
    private static final String BOT = "@bot:example.org";
    private static final String ALICE_ROOM = "!dm-alice:example.org";
    private static final String ALICE_ROOM_PATH = "/_matrix/client/v3/rooms/%21dm-alice%3Aexample.org/send/m.room.message/";
    private static final String ALICE_ROOM_EVENT = "/_matrix/client/v3/rooms/%21dm-alice%3Aexample.org/event/";
    private static final String SYNC = "/_matrix/client/v3/sync";
    private static final long TS = 1_925_000_000_000L;
    private static final MatrixReceiver.Timing FAST = new MatrixReceiver.Timing(Duration.ofMillis(500), Duration.ofMillis(20),
            Duration.ofMillis(100), Duration.ofMillis(5));

    @RegisterExtension
    static WireMockExtension homeserver = localProvider();

    private Notifier notifier;

    @BeforeEach
    void aHomeserverWithABot() {
        homeserver.stubFor(get(urlPathEqualTo("/_matrix/client/v3/account/whoami"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"user_id\":\"" + BOT + "\",\"device_id\":\"RINGWATCH\"}")));
        homeserver.stubFor(put(urlPathMatching("/_matrix/client/v3/rooms/[^/]+/send/m\\.room\\.message/[^/]+"))
                .willReturn(okJson("{\"event_id\":\"$answer\"}")));
        // The first sync: an old message, which must not be handled, and where to start.
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", absent())
                .willReturn(okJson(sync("s1", ALICE_ROOM, event("$old", "@alice:example.org", "m.text", "ack old", "")))));
        // Nothing new after s2: the homeserver holds the request, as a long poll does.
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo("s2"))
                .willReturn(okJson("{\"next_batch\":\"s2\"}").withFixedDelay(200)));
    }

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void aTextMessageInARoomGoesToTheConversationAndItsAnswerBackAsAReply() throws Exception {
        syncAfterS1(sync("s2", ALICE_ROOM,
                event("$own", BOT, "m.text", "CRITICAL: orders-api DOWN", ""),
                event("$notice", "@otherbot:example.org", "m.notice", "ack", ""),
                event("$emote", "@alice:example.org", "m.emote", "waves", ""),
                event("$edit", "@alice:example.org", "m.text", "* ack",
                        ",\"m.relates_to\":{\"rel_type\":\"m.replace\",\"event_id\":\"$x\"}"),
                event("$ack", "@alice:example.org", "m.text", "ack", "")));
        RecordingConversation conversation = new RecordingConversation(message -> "Acknowledged node n3.\nNo more reminders.");
        notifier = receivingNotifier();

        assertThat(notifier.receives()).isTrue();
        notifier.startReceiving(conversation);

        assertThat(conversation.next()).isEqualTo(new InboundMessage("mx", ALICE_ROOM, "ack", Optional.empty(),
                Instant.ofEpochMilli(TS)));
        awaitUntil("the answer is sent", () -> !homeserver.findAll(putRequestedFor(urlPathMatching(".*"))).isEmpty());
        homeserver.verify(1, putRequestedFor(urlPathEqualTo(ALICE_ROOM_PATH + MatrixMessage.answerTransactionId("$ack")))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"msgtype\":\"m.notice\",\"body\":\"Acknowledged node n3.\\nNo more reminders.\","
                        + "\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$ack\"}}}")));
        homeserver.verify(getRequestedFor(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo("s1"))
                .withQueryParam("timeout", equalTo("500"))
                .withQueryParam("filter", equalTo(MatrixSync.FILTER))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        homeserver.verify(getRequestedFor(urlPathEqualTo(SYNC)).withQueryParam("since", absent())
                .withQueryParam("timeout", equalTo("0")));
        assertThat(conversation.rest()).as("the old message, the bot's own, a notice, an emote and an edit").isEmpty();
    }

    @Test
    void aReplyToANotificationTheChannelSentCarriesItsIncident() throws Exception {
        homeserver.stubFor(put(urlPathMatching(".*/send/m\\.room\\.message/ringwatch-[0-9a-f]{32}"))
                .willReturn(okJson("{\"event_id\":\"$alert-event\"}")));
        syncAfterS1(sync("s2", ALICE_ROOM,
                event("$r1", "@alice:example.org", "m.text", "> <@bot:example.org> CRITICAL: orders-api DOWN on node n3\n"
                        + "> seen by n1\n\nack", ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$alert-event\"}}"),
                event("$r2", "@alice:example.org", "m.text", "looking", ",\"m.relates_to\":{\"rel_type\":\"m.thread\","
                        + "\"event_id\":\"$alert-event\",\"is_falling_back\":true,\"m.in_reply_to\":{\"event_id\":\"$r1\"}}"),
                event("$r3", "@alice:example.org", "m.text", "status",
                        ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$someone-elses\"}}")));
        RecordingConversation conversation = new RecordingConversation(message -> "");
        notifier = receivingNotifier();
        notifier.send(sampleAlert(), new io.ringwatch.api.Recipient("alice", ALICE_ROOM));

        notifier.startReceiving(conversation);

        String incident = sampleAlert().incidentKey();
        InboundMessage reply = conversation.next();
        assertThat(reply.text()).isEqualTo("ack");
        assertThat(reply.replyTo()).contains(incident);
        assertThat(conversation.next().replyTo()).as("in the notification's thread").contains(incident);
        assertThat(conversation.next().replyTo()).as("a reply to another message").isEmpty();
    }

    @Test
    void aReplyToTheBotsNotificationThatAnotherAgentSentCarriesTheIncidentOfTheFetchedEvent() throws Exception {
        String incident = sampleAlert().incidentKey();
        homeserver.stubFor(get(urlPathEqualTo(ALICE_ROOM_EVENT + "%24sent-by-n2"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(roomEvent("$sent-by-n2", BOT, sampleAlert().text(), ""))));
        syncAfterS1(sync("s2", ALICE_ROOM, event("$ack", "@alice:example.org", "m.text",
                "> <@bot:example.org> CRITICAL: orders-api DOWN on node n3\n\nack",
                ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$sent-by-n2\"}}")));
        RecordingConversation conversation = new RecordingConversation(message -> "");
        notifier = receivingNotifier();

        notifier.startReceiving(conversation);

        InboundMessage reply = conversation.next();
        assertThat(reply.text()).isEqualTo("ack");
        assertThat(reply.replyTo()).contains(incident);
        homeserver.verify(1, getRequestedFor(urlPathEqualTo(ALICE_ROOM_EVENT + "%24sent-by-n2"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aReplyQuotingTheBotCarriesNoIncidentUnlessTheHomeserverShowsTheBotSentIt() throws Exception {
        String forgedQuote = "> <@bot:example.org> CRITICAL: orders-api DOWN on node n3\n> incident n9/forged@2031-01-01T00:00:00Z\n\n";
        homeserver.stubFor(get(urlPathEqualTo(ALICE_ROOM_EVENT + "%24alice-wrote"))
                .willReturn(okJson(roomEvent("$alice-wrote", "@alice:example.org", sampleAlert().text(), ""))));
        homeserver.stubFor(get(urlPathEqualTo(ALICE_ROOM_EVENT + "%24an-answer"))
                .willReturn(okJson(roomEvent("$an-answer", BOT, sampleAlert().text(),
                        ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$x\"}}"))));
        homeserver.stubFor(get(urlPathEqualTo(ALICE_ROOM_EVENT + "%24gone"))
                .willReturn(okJson("{\"errcode\":\"M_NOT_FOUND\",\"error\":\"Event not found.\"}").withStatus(404)));
        syncAfterS1(sync("s2", ALICE_ROOM,
                event("$q1", "@alice:example.org", "m.text", forgedQuote + "ack",
                        ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$alice-wrote\"}}"),
                event("$q2", "@alice:example.org", "m.text", forgedQuote + "mute 1h",
                        ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$an-answer\"}}"),
                event("$q3", "@alice:example.org", "m.text", forgedQuote + "status",
                        ",\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$gone\"}}")));
        RecordingConversation conversation = new RecordingConversation(message -> "");
        notifier = receivingNotifier();

        notifier.startReceiving(conversation);

        assertThat(conversation.next().replyTo()).as("a reply to a person's message").isEmpty();
        assertThat(conversation.next().replyTo()).as("a reply to one of the bot's answers").isEmpty();
        InboundMessage toAnUnseenEvent = conversation.next();
        assertThat(toAnUnseenEvent.text()).isEqualTo("status");
        assertThat(toAnUnseenEvent.replyTo()).as("a reply to an event the homeserver does not show").isEmpty();
        assertThat(conversation.rest()).isEmpty();
    }

    @Test
    void anEmptyAnswerSendsNothing() throws Exception {
        syncAfterS1(sync("s2", "!stranger:example.org", event("$hi", "@mallory:example.org", "m.text", "status", "")));
        RecordingConversation conversation = new RecordingConversation(message -> "");
        notifier = receivingNotifier();

        notifier.startReceiving(conversation);

        assertThat(conversation.next().sender()).isEqualTo("!stranger:example.org");
        awaitUntil("a sync after the message", () -> !homeserver.findAll(getRequestedFor(urlPathEqualTo(SYNC))
                .withQueryParam("since", equalTo("s2"))).isEmpty());
        assertThat(homeserver.findAll(putRequestedFor(urlPathMatching(".*")))).isEmpty();
    }

    @Test
    void closeStopsTheReceivingThreadPromptlyAndTwice() throws Exception {
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo("s1"))
                .willReturn(okJson("{\"next_batch\":\"s2\"}").withFixedDelay(20_000)));
        notifier = receivingNotifier();
        notifier.startReceiving(new RecordingConversation(message -> ""));
        awaitUntil("the long poll", () -> !homeserver.findAll(getRequestedFor(urlPathEqualTo(SYNC))
                .withQueryParam("since", equalTo("s1"))).isEmpty());
        assertThat(threadNamed("ringwatch-matrix-receiver-mx")).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> notifier.close());

        assertThat(((MatrixNotifier) notifier).isReceiving()).isFalse();
        notifier.close();
        notifier.startReceiving(new RecordingConversation(message -> ""));
        assertThat(((MatrixNotifier) notifier).isReceiving()).as("not started again once closed").isFalse();
    }

    @Test
    void failuresAreRetriedAfterAWaitAndReceivingGoesOn() throws Exception {
        homeserver.stubFor(get(urlPathEqualTo("/_matrix/client/v3/account/whoami")).inScenario("whoami")
                .whenScenarioStateIs(STARTED).willSetStateTo("down once")
                .willReturn(okJson("{\"errcode\":\"M_UNKNOWN\",\"error\":\"Internal error\"}").withStatus(500)));
        homeserver.stubFor(get(urlPathEqualTo("/_matrix/client/v3/account/whoami")).inScenario("whoami")
                .whenScenarioStateIs("down once").willSetStateTo("up")
                .willReturn(okJson("{}").withStatus(502)));
        homeserver.stubFor(get(urlPathEqualTo("/_matrix/client/v3/account/whoami")).inScenario("whoami")
                .whenScenarioStateIs("up").willReturn(okJson("{\"user_id\":\"" + BOT + "\"}")));
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo("s1")).inScenario("sync")
                .whenScenarioStateIs(STARTED).willSetStateTo("limited")
                .willReturn(okJson("{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many requests\",\"retry_after_ms\":50}")
                        .withStatus(429)));
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo("s1")).inScenario("sync")
                .whenScenarioStateIs("limited").willSetStateTo("garbled")
                .willReturn(okJson("{\"next_batch\":")));
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo("s1")).inScenario("sync")
                .whenScenarioStateIs("garbled")
                .willReturn(okJson(sync("s2", ALICE_ROOM, event("$ack", "@alice:example.org", "m.text", "ack", "")))));
        RecordingConversation conversation = new RecordingConversation(message -> "ok");
        notifier = receivingNotifier();
        long started = System.nanoTime();

        notifier.startReceiving(conversation);

        assertThat(conversation.next().text()).isEqualTo("ack");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited after the 429 as asked")
                .isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(homeserver.findAll(getRequestedFor(urlPathEqualTo("/_matrix/client/v3/account/whoami")))).hasSize(3);
        assertThat(homeserver.findAll(getRequestedFor(urlPathEqualTo(SYNC)).withQueryParam("since", absent())))
                .as("an unreadable sync starts again from now").hasSize(2);
    }

    @Test
    void backsOffDoublingWithJitterWithinBounds() {
        MatrixReceiver receiver = new MatrixReceiver("mx", new MatrixClient(MatrixSettings.from(settings()),
                new io.ringwatch.notifiers.channel.ChannelHttp("mx", Duration.ofSeconds(1)), Duration.ofSeconds(1)),
                new SentEvents(), new MatrixReceiver.Timing(Duration.ofSeconds(25), Duration.ofSeconds(1),
                        Duration.ofSeconds(60), Duration.ZERO));

        for (int failures = 1; failures < 80; failures++) {
            long full = Math.min(60_000, 1000L << Math.min(failures - 1, 30));
            assertThat(receiver.backoff(failures, Optional.empty()).toMillis()).isBetween(full / 2, full);
        }
        assertThat(receiver.backoff(1, Optional.of(Duration.ofSeconds(5)))).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(receiver.backoff(1, Optional.of(Duration.ofHours(5)))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void remembersTheLastThousandEventsSent() throws Exception {
        SentEvents sent = new SentEvents();
        for (int i = 0; i <= SentEvents.CAPACITY; i++) {
            sent.remember("$e" + i, "incident-" + i);
        }

        assertThat(sent.incidentOf("$e0")).isEmpty();
        assertThat(sent.incidentOf("$e1")).contains("incident-1");
        assertThat(sent.incidentOf("$e" + SentEvents.CAPACITY)).contains("incident-" + SentEvents.CAPACITY);
        assertThat(sampleRecovery().incidentKey()).isNotBlank();
    }

    @Test
    void takesTheQuoteOffAReply() {
        assertThat(MatrixSync.withoutQuote("> <@bot:example.org> CRITICAL\n> seen by n1\n\nack n3")).isEqualTo("ack n3");
        assertThat(MatrixSync.withoutQuote("ack\n> quoted")).isEqualTo("ack\n> quoted");
    }

    private void syncAfterS1(String body) {
        homeserver.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", equalTo("s1")).willReturn(okJson(body)));
    }

    private static String sync(String nextBatch, String roomId, String... events) {
        return "{\"next_batch\":\"" + nextBatch + "\",\"rooms\":{\"join\":{\"" + roomId + "\":{\"timeline\":{\"events\":["
                + String.join(",", events) + "],\"limited\":false}}}}}";
    }

    private static String event(String id, String sender, String msgtype, String body, String moreContent) {
        return "{\"type\":\"m.room.message\",\"event_id\":\"" + id + "\",\"sender\":\"" + sender + "\",\"origin_server_ts\":"
                + TS + ",\"content\":{\"msgtype\":\"" + msgtype + "\",\"body\":\"" + body.replace("\n", "\\n") + "\""
                + moreContent + "}}";
    }

    /** An event as {@code GET /rooms/{roomId}/event/{eventId}} gives it. */
    private static String roomEvent(String id, String sender, String body, String moreContent) {
        return "{\"type\":\"m.room.message\",\"room_id\":\"" + ALICE_ROOM + "\",\"event_id\":\"" + id
                + "\",\"sender\":\"" + sender + "\",\"origin_server_ts\":" + TS + ",\"content\":{\"msgtype\":\"m.text\","
                + "\"body\":\"" + body.replace("\n", "\\n") + "\"" + moreContent + "}}";
    }

    private Notifier receivingNotifier() {
        return MatrixNotifierProvider.create(MatrixSettings.from(settings()), FAST);
    }

    private static NotifierSettings settings() {
        return NotifierSettings.of("mx", Map.of("homeserver", "http://127.0.0.1:" + homeserver.getPort(),
                "access-token", TOKEN, "room-id", "!ops:example.org", "receive", "true", "timeout", "2s"));
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals(name));
    }

    /** Polls {@code condition} until it holds, failing after 5 s. */
    private static void awaitUntil(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }
}
