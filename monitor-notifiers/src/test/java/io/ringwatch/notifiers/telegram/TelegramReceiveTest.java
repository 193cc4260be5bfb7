package io.ringwatch.notifiers.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ringwatch.notifiers.channel.HttpDeliveryChecks.localProvider;
import static io.ringwatch.testkit.notify.SampleNotifications.INCIDENT_KEY;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TelegramReceiveTest {
    private static final String TOKEN = "987654321:AAH-receive_token_abcdefghij0123";
    private static final String SEND = "/bot" + TOKEN + "/sendMessage";
    private static final String UPDATES = "/bot" + TOKEN + "/getUpdates";
    private static final String ALICE = "5566778899";
    /** Fast enough for tests, slow enough that a spinning loop would show. */
    private static final TelegramReceiver.Pacing FAST = new TelegramReceiver.Pacing(1, Duration.ofMillis(20),
            Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMinutes(15));
    private static final Duration BOUND = Duration.ofSeconds(5);

    @RegisterExtension
    static WireMockExtension telegram = localProvider();

    private final RecordingConversation conversation = new RecordingConversation();
    private TelegramNotifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void receivesNothingUnlessReceiveIsTrue() {
        notifier = telegram(Map.of());

        assertThat(notifier.receives()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> notifier.startReceiving(conversation))
                .withMessage("channel 'tg' does not receive messages (receive: false)");
        assertThat(telegram.getAllServeEvents()).isEmpty();
    }

    @Test
    void handsAMessageToTheConversationAndAnswersTheSendersChat() {
        long date = Instant.now().getEpochSecond();
        firstPollReturns("{\"update_id\":100,\"message\":{\"message_id\":7001,\"date\":" + date + ","
                + "\"from\":{\"id\":5566778899,\"is_bot\":false,\"first_name\":\"Alice\"},"
                + "\"chat\":{\"id\":5566778899,\"type\":\"private\"},\"text\":\"status\"}}");
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":7002}}")));
        conversation.answer = "node n3 DOWN: connection refused\n4 more UP, as seen by n2.";
        notifier = receiving();

        notifier.startReceiving(conversation);

        await(() -> conversation.messages.size() == 1, "the message reaches the conversation");
        assertThat(conversation.messages.get(0))
                .isEqualTo(new InboundMessage("tg", ALICE, "status", Optional.empty(), Instant.ofEpochSecond(date)));
        RequestPatternBuilder answer = postRequestedFor(urlEqualTo(SEND))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":\"5566778899\",\"text\":\"node n3 DOWN: connection refused\\n"
                        + "4 more UP, as seen by n2.\",\"reply_to_message_id\":7001,\"allow_sending_without_reply\":true}"));
        await(() -> telegram.findAll(answer).size() == 1, "the answer is sent");
        telegram.verify(postRequestedFor(urlEqualTo(UPDATES))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Ringwatch"))
                .withRequestBody(equalToJson("{\"timeout\":1,\"allowed_updates\":[\"message\"]}")));
        telegram.verify(postRequestedFor(urlEqualTo(UPDATES))
                .withRequestBody(equalToJson("{\"offset\":101,\"timeout\":0,\"allowed_updates\":[\"message\"]}")));
    }

    @Test
    void handlesABatchOnceTheNextPollConfirmedItEvenIfThatPollWasCutShort() {
        String scenario = "taken over";
        telegram.stubFor(post(urlEqualTo(UPDATES)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"ok\":true,\"result\":[" + message(100, 7001, ALICE, "ack", "") + "]}"))
                .willSetStateTo("received"));
        telegram.stubFor(post(urlEqualTo(UPDATES)).inScenario(scenario).whenScenarioStateIs("received")
                .willReturn(okJson("{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other "
                        + "getUpdates request; make sure that only one bot instance is running\"}").withStatus(409))
                .willSetStateTo("shared"));
        telegram.stubFor(post(urlEqualTo(UPDATES)).inScenario(scenario).whenScenarioStateIs("shared")
                .willReturn(okJson("{\"ok\":true,\"result\":[]}")));
        notifier = receiving();

        notifier.startReceiving(conversation);

        await(() -> telegram.findAll(postRequestedFor(urlEqualTo(UPDATES))).size() >= 4, "polling goes on after the conflict");
        assertThat(conversation.messages).extracting(InboundMessage::text).containsExactly("ack");
    }

    @Test
    void aReplyToANotificationCarriesItsIncidentKey() throws Exception {
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":42,\"chat\":{\"id\":5566778899,\"type\":\"private\"}}}")));
        long date = Instant.now().getEpochSecond();
        firstPollReturns(message(100, 7001, ALICE, "ack", ",\"reply_to_message\":{\"message_id\":42,\"date\":" + date
                + ",\"chat\":{\"id\":5566778899}}"), message(101, 7002, ALICE, "ack", ",\"reply_to_message\":{\"message_id\":41}"));
        notifier = receiving();
        notifier.send(sampleAlert(), new Recipient("alice", ALICE));

        notifier.startReceiving(conversation);

        await(() -> conversation.messages.size() == 2, "both replies reach the conversation");
        assertThat(conversation.messages).extracting(InboundMessage::replyTo)
                .containsExactly(Optional.of(INCIDENT_KEY), Optional.empty());
    }

    @Test
    void aReplyInTheChannelsChatCarriesItsIncidentKeyToo() throws Exception {
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":43}}")));
        firstPollReturns(message(100, 7001, "-1001234567890", "ack", ",\"reply_to_message\":{\"message_id\":43}"));
        notifier = receiving();
        notifier.send(sampleAlert());

        notifier.startReceiving(conversation);

        await(() -> conversation.messages.size() == 1, "the reply reaches the conversation");
        assertThat(conversation.messages.get(0).sender()).isEqualTo("-1001234567890");
        assertThat(conversation.messages.get(0).replyTo()).contains(INCIDENT_KEY);
    }

    @Test
    void aReplyToAnAlertAnotherAgentSentFindsTheIncidentInTheQuotedMessage() {
        String quotedBot = ",\"reply_to_message\":{\"message_id\":9,\"from\":{\"id\":1,\"is_bot\":true},"
                + "\"text\":\"CRITICAL: node n3 DOWN\\nseen by n1: connection refused\\nincident n3@2026-12-06T23:40:00Z\"}";
        String quotedPerson = ",\"reply_to_message\":{\"message_id\":10,\"from\":{\"id\":2,\"is_bot\":false},"
                + "\"text\":\"incident n9@2026-12-06T23:40:00Z\"}";
        firstPollReturns(message(100, 7001, ALICE, "ack", quotedBot), message(101, 7002, ALICE, "ack", quotedPerson));
        notifier = receiving();

        notifier.startReceiving(conversation);

        await(() -> conversation.messages.size() == 2, "both replies reach the conversation");
        assertThat(conversation.messages).extracting(InboundMessage::replyTo).as("only a bot's message is trusted")
                .containsExactly(Optional.of("n3@2026-12-06T23:40:00Z"), Optional.empty());
    }

    @Test
    void ignoresBotsMessagesThatAreNotTextAndMessagesWrittenLongAgo() {
        long now = Instant.now().getEpochSecond();
        firstPollReturns(
                "{\"update_id\":100,\"message\":{\"message_id\":1,\"date\":" + now + ",\"from\":{\"id\":987654321,\"is_bot\":true},"
                        + "\"chat\":{\"id\":5566778899},\"text\":\"Acknowledged.\"}}",
                "{\"update_id\":101,\"message\":{\"message_id\":2,\"date\":" + now + ",\"chat\":{\"id\":5566778899},"
                        + "\"sticker\":{\"file_id\":\"x\"}}}",
                "{\"update_id\":102,\"message\":{\"message_id\":3,\"date\":" + (now - 3600) + ",\"chat\":{\"id\":5566778899},"
                        + "\"text\":\"ack\"}}",
                "{\"update_id\":103,\"edited_message\":{\"message_id\":4,\"date\":" + now + ",\"chat\":{\"id\":5566778899},"
                        + "\"text\":\"ack\"}}",
                message(104, 5, ALICE, "help", ""));
        notifier = receiving();

        notifier.startReceiving(conversation);

        await(() -> !conversation.messages.isEmpty(), "the person's message reaches the conversation");
        assertThat(conversation.messages).extracting(InboundMessage::text).containsExactly("help");
    }

    @Test
    void answersNothingWhenTheConversationHasNothingToSay() {
        firstPollReturns(message(100, 7001, "1234", "hello", ""));
        notifier = receiving();

        notifier.startReceiving(conversation);

        await(() -> conversation.messages.size() == 1, "the message reaches the conversation");
        // The poll after the one that confirmed it starts once the message was handled.
        await(() -> telegram.findAll(postRequestedFor(urlEqualTo(UPDATES))
                .withRequestBody(matchingJsonPath("$.offset", equalTo("101")))).size() >= 2, "the message is handled");
        telegram.verify(0, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void conflictsAndFailuresBackOffAndReceivingGoesOn() {
        String scenario = "flaky";
        telegram.stubFor(post(urlEqualTo(UPDATES)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other "
                        + "getUpdates request; make sure that only one bot instance is running\"}").withStatus(409))
                .willSetStateTo("conflicted"));
        telegram.stubFor(post(urlEqualTo(UPDATES)).inScenario(scenario).whenScenarioStateIs("conflicted")
                .willReturn(aResponse().withStatus(502).withBody("bad gateway")).willSetStateTo("failed"));
        telegram.stubFor(post(urlEqualTo(UPDATES)).inScenario(scenario).whenScenarioStateIs("failed")
                .willReturn(okJson("{\"ok\":true,\"result\":[" + message(100, 7001, ALICE, "status", "") + "]}"))
                .willSetStateTo("delivered"));
        telegram.stubFor(post(urlEqualTo(UPDATES)).inScenario(scenario).whenScenarioStateIs("delivered")
                .willReturn(okJson("{\"ok\":true,\"result\":[]}")));
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(okJson(
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}").withStatus(403)));
        conversation.answer = "All UP.";
        notifier = receiving();

        notifier.startReceiving(conversation);

        await(() -> conversation.messages.size() == 1, "the message arrives after a conflict and a failure");
        int polls = telegram.findAll(postRequestedFor(urlEqualTo(UPDATES))).size();
        await(() -> telegram.findAll(postRequestedFor(urlEqualTo(UPDATES))).size() > polls + 1,
                "polling goes on after an answer could not be sent");
        assertThat(notifier.isReceiving()).isTrue();
    }

    @Test
    void failuresInARowArePacedNotSpun() {
        telegram.stubFor(post(urlEqualTo(UPDATES)).willReturn(aResponse().withStatus(500)));
        notifier = receiving();
        long started = System.nanoTime();

        notifier.startReceiving(conversation);

        await(() -> telegram.findAll(postRequestedFor(urlEqualTo(UPDATES))).size() >= 5, "five tries");
        // Pauses of at least half of 20, 40, 80 and 160 ms between the five tries.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(notifier.isReceiving()).isTrue();
    }

    @Test
    void emptyAnswersThatComeAtOnceArePacedNotSpun() {
        telegram.stubFor(post(urlEqualTo(UPDATES)).willReturn(okJson("{\"ok\":true,\"result\":[]}")));
        notifier = receiving();
        long started = System.nanoTime();

        notifier.startReceiving(conversation);

        await(() -> telegram.findAll(postRequestedFor(urlEqualTo(UPDATES))).size() >= 4, "four polls");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void closeCutsAPollShortAndStopsTheThread() {
        telegram.stubFor(post(urlEqualTo(UPDATES)).willReturn(okJson("{\"ok\":true,\"result\":[]}").withFixedDelay(30_000)));
        notifier = receiving();
        notifier.startReceiving(conversation);
        await(() -> !telegram.getAllServeEvents().isEmpty(), "the poll starts");
        assertThat(notifier.isReceiving()).isTrue();
        long closing = System.nanoTime();

        notifier.close();

        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(2));
        assertThat(notifier.isReceiving()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("ringwatch-telegram-tg");
        assertThatCode(notifier::close).doesNotThrowAnyException();
        assertThatIllegalStateException().isThrownBy(() -> notifier.startReceiving(conversation))
                .withMessage("channel 'tg' is closed");
    }

    @Test
    void startsOnce() {
        telegram.stubFor(post(urlEqualTo(UPDATES)).willReturn(okJson("{\"ok\":true,\"result\":[]}")));
        notifier = receiving();
        notifier.startReceiving(conversation);

        assertThatIllegalStateException().isThrownBy(() -> notifier.startReceiving(conversation))
                .withMessage("channel 'tg' receives already");
    }

    @Test
    void aURLsReceiveQueryTurnsReceivingOn() {
        TelegramNotifierProvider provider = new TelegramNotifierProvider();
        Map<String, String> settings = provider.settingsOf("tgram://" + TOKEN + "/-1001234567890?receive=true");

        try (var fromUrl = provider.create(NotifierSettings.of("tg", settings))) {
            assertThat(fromUrl.receives()).isTrue();
            assertThat(fromUrl.toString()).contains(", receiving").doesNotContain(TOKEN);
        }
    }

    /** The first poll, which carries no offset, returns {@code updates}; every later one, nothing. */
    private static void firstPollReturns(String... updates) {
        telegram.stubFor(post(urlEqualTo(UPDATES)).atPriority(1).withRequestBody(notContaining("offset"))
                .willReturn(okJson("{\"ok\":true,\"result\":[" + String.join(",", updates) + "]}")));
        telegram.stubFor(post(urlEqualTo(UPDATES)).atPriority(5).willReturn(okJson("{\"ok\":true,\"result\":[]}")));
    }

    private static String message(long updateId, long messageId, String chat, String text, String more) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + messageId + ",\"date\":"
                + Instant.now().getEpochSecond() + ",\"from\":{\"id\":" + chat + ",\"is_bot\":false},"
                + "\"chat\":{\"id\":" + chat + "},\"text\":\"" + text + "\"" + more + "}}";
    }

    private TelegramNotifier receiving() {
        return telegram(Map.of("receive", "true"));
    }

    private static TelegramNotifier telegram(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("token", TOKEN);
        settings.put("chat-id", "-1001234567890");
        settings.put("api-url", "http://127.0.0.1:" + telegram.getPort());
        settings.put("timeout", "2s");
        return new TelegramNotifier(TelegramSettings.from(NotifierSettings.of("tg", settings)), FAST, Clock.systemUTC());
    }

    /** Polls {@code condition} until it holds, failing after 5 s. */
    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(BOUND).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }

    /** Records every message and answers each with {@link #answer}. */
    private static final class RecordingConversation implements Conversation {
        final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
        volatile String answer = "";

        @Override
        public String received(InboundMessage message) {
            messages.add(message);
            return answer;
        }
    }
}
