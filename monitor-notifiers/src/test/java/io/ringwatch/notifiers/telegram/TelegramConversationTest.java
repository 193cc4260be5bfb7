package io.ringwatch.notifiers.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * People talk to a simulated farm through the real telegram channel (its Bot API on WireMock) and
 * the real engines: a reply to an alert lands in the log of the node that alerted, on the incident;
 * {@code ack} acknowledges and is answered in the chat; {@code mute} changes routing; a stranger
 * is logged as rejected and answered with nothing.
 *
 * <p>Every engine has a channel of its own and polls {@code getUpdates}, and only the channel that
 * sent an alert knows which incident its message id stands for. So that each update is taken
 * once, by the engine it is meant for, the fake Bot API ({@link FakeUpdates}) tells the engines'
 * pollers apart by their offsets: each engine's first poll (it carries no offset yet) gets a
 * message of its own from a stranger, with update ids of its own; the engine's log names the
 * stranger (by fingerprint) and so which engine has which offset; later updates go to the poll
 * that asks for that engine's next offset.
 */
class TelegramConversationTest {
    private static final String TOKEN = "987654321:AAH-conversation_token_0123456";
    private static final String SEND = "/bot" + TOKEN + "/sendMessage";
    private static final String UPDATES = "/bot" + TOKEN + "/getUpdates";
    private static final String ALICE = "5566778899";
    private static final String TEAM_CHAT = "-1001234567890";
    /** The message id Telegram gives every message the bot sends to alice. */
    private static final long ALERT_MESSAGE_ID = 4242;
    private static final long STRANGERS = 900_000_000L;
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static final FakeUpdates UPDATES_API = new FakeUpdates();

    @RegisterExtension
    static WireMockExtension telegram = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(UPDATES_API)).build();

    @Test
    void aContactRepliesAcknowledgesAndMutesOverTelegramAndAStrangerIsIgnored() throws Exception {
        telegram.stubFor(post(urlEqualTo(UPDATES)).willReturn(aResponse().withTransformers(FakeUpdates.NAME)));
        telegram.stubFor(post(urlEqualTo(SEND)).atPriority(1).withRequestBody(matchingJsonPath("$.chat_id", equalTo(ALICE)))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":" + ALERT_MESSAGE_ID + ",\"chat\":{\"id\":" + ALICE
                        + ",\"type\":\"private\"}}}")));
        telegram.stubFor(post(urlEqualTo(SEND)).atPriority(5).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", "tg", ALICE))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via("tg"))
                .build();
        Map<String, String> settings = Map.of("token", TOKEN, "chat-id", TEAM_CHAT, "receive", "true",
                "api-url", "http://127.0.0.1:" + telegram.getPort(), "timeout", "2s");

        try (SimulatedCluster farm = SimulatedCluster.builder().routing(routing)
                .config(MonitorConfig.custom().repeatInterval(Duration.ofHours(2)).build())
                .channel("telegram", "tg", settings).build()) {
            // (4) Each engine's first poll brings a message from a stranger: logged as rejected, answered with nothing.
            int engines = farm.nodes().size();
            await(() -> farm.events().stream().filter(e -> e.kind() == EventKind.MESSAGE_REJECTED).count() == engines,
                    "every engine rejects its stranger's message");
            Map<String, Integer> pollerOf = new HashMap<>();
            for (NodeId node : farm.nodes()) {
                List<Event> rejections = farm.eventLog(node.value()).events(EventKind.MESSAGE_REJECTED);
                assertThat(rejections).as("rejected by %s", node).hasSize(1);
                Event rejected = rejections.get(0);
                assertThat(rejected.message()).startsWith("Ignored a message on tg from a sender who is not a contact");
                pollerOf.put(node.value(), UPDATES_API.pollerOfFingerprint(rejected.attributes().get("sender")));
            }
            assertThat(pollerOf.values()).as("one poller per engine").doesNotHaveDuplicates().doesNotContainNull();
            assertThat(farm.events()).noneMatch(e -> e.kind() == EventKind.MESSAGE_RECEIVED);
            telegram.verify(0, postRequestedFor(urlEqualTo(SEND)));

            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());
            Event alerted = farm.events().stream().filter(e -> e.kind() == EventKind.NOTIFICATION_SENT
                    && "tg".equals(e.attributes().get("channel")) && "alice".equals(e.attributes().get("to"))
                    && TargetId.parse("n3").equals(e.target())).findFirst().orElseThrow();
            String watcher = alerted.observer().value();
            String incident = alerted.attributes().get("incident");
            int poller = pollerOf.get(watcher);

            // (1) Alice replies to the alert: her message lands on n3's incident in the watcher's log.
            UPDATES_API.deliver(poller, 7001, "Ok, I got this one", ",\"reply_to_message\":{\"message_id\":" + ALERT_MESSAGE_ID
                    + ",\"date\":" + Instant.now().getEpochSecond() + ",\"chat\":{\"id\":" + ALICE + "}}");
            await(() -> telegram.findAll(answer(7001, "Noted in the log of node n3.")).size() == 1, "the reply is answered");
            assertThat(farm.eventLog(watcher).events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED)
                    .singleElement().satisfies(event -> {
                        assertThat(event.message()).isEqualTo("alice (tg): Ok, I got this one");
                        assertThat(event.target()).isEqualTo(TargetId.parse("n3"));
                        assertThat(event.attributes()).containsEntry("by", "alice").containsEntry("text", "Ok, I got this one")
                                .containsEntry("incident", incident);
                    });

            // (2) ack: the watcher acknowledges n3 and tells alice so in the chat.
            UPDATES_API.deliver(poller, 7002, "ack", "");
            await(() -> telegram.findAll(answer(7002, "Acknowledged node n3: no more reminders or escalation.")).size() == 1,
                    "the ack is answered");
            farm.runFor(Duration.ofMinutes(1));
            assertThat(farm.view(watcher).target(TargetId.parse("n3"))).hasValueSatisfying(view ->
                    assertThat(view.acknowledged()).isTrue());
            assertThat(farm.events()).anyMatch(e -> e.kind() == EventKind.ACKNOWLEDGED
                    && e.message().startsWith("alice acknowledged node n3 DOWN"));

            // (3) mute, taken by another engine: routing changes and alice is told until when.
            String other = farm.nodes().stream().map(NodeId::value).filter(n -> !n.equals(watcher) && !n.equals("n3"))
                    .findFirst().orElseThrow();
            UPDATES_API.deliver(pollerOf.get(other), 7003, "mute n3 2h deploying", "");
            await(() -> farm.eventLog(other).events().stream().anyMatch(e -> e.kind() == EventKind.ROUTING_CHANGED),
                    "the mute changes routing");
            RequestPatternBuilder muteAnswer = postRequestedFor(urlEqualTo(SEND))
                    .withRequestBody(matchingJsonPath("$.reply_to_message_id", equalTo("7003")));
            await(() -> telegram.findAll(muteAnswer).size() == 1, "the mute is answered");
            assertThat(telegram.findAll(muteAnswer)).singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                    .contains("\"chat_id\":\"" + ALICE + "\"", "Muted n3 for you until ", ", or until it recovers: deploying."));

            // (4) subscribe: alice follows n2 from critical up, on every engine, and is told so.
            UPDATES_API.deliver(poller, 7004, "subscribe n2 critical", "");
            await(() -> telegram.findAll(answer(7004, "Subscribed to n2 from critical up, on tg.")).size() == 1,
                    "the subscribe is answered");
            await(() -> farm.nodes().stream().filter(node -> !node.value().equals("n3"))
                    .allMatch(node -> farm.eventLog(node.value()).events().stream().anyMatch(e -> e.kind() == EventKind.ROUTING_CHANGED
                            && e.message().startsWith("alice subscribed to n2 from critical"))), "every engine has the subscription");

            // Nothing was sent to a stranger, and every message was handled once, by one engine.
            for (int k = 1; k <= engines; k++) {
                telegram.verify(0, postRequestedFor(urlEqualTo(SEND))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(STRANGERS + k)))));
            }
            assertThat(farm.events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED && !e.attributes().containsKey("via"))
                    .extracting(e -> e.attributes().get("text"))
                    .containsExactlyInAnyOrder("Ok, I got this one", "ack", "mute n3 2h deploying", "subscribe n2 critical");
            // n3's other watchers wrote what they were told of it, naming the engine that took it.
            assertThat(farm.events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_RECEIVED && e.attributes().containsKey("via"))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.attributes().get("via")).isNotEqualTo(e.observer().value()));
            assertThat(farm.events()).filteredOn(e -> e.kind() == EventKind.MESSAGE_REJECTED).hasSize(engines);
        }
    }

    /** The engine's answer to alice's message {@code messageId}, in reply to it. */
    private static RequestPatternBuilder answer(long messageId, String text) {
        return postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson("{\"chat_id\":\"" + ALICE + "\",\"text\":\""
                + text + "\",\"reply_to_message_id\":" + messageId + ",\"allow_sending_without_reply\":true}"));
    }

    /** Polls {@code condition} every 50 ms until it holds, failing after 10 s. */
    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    /**
     * {@code getUpdates} as Telegram serves it to several pollers of one bot, each taking its own
     * updates. Poller {@code k} (the k-th first poll, which carries no offset) is handed a message
     * from stranger {@code 900000000 + k} as update {@code 1000 k}; its next updates are
     * {@code 1000 k + 1}, {@code + 2}, …, each handed to the poll asking for that offset. Thread-safe.
     */
    static final class FakeUpdates implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fake-telegram-updates";
        private static final Pattern OFFSET = Pattern.compile("\"offset\"\\s*:\\s*(\\d+)");

        private final AtomicInteger pollers = new AtomicInteger();
        private final Map<Long, String> updates = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicLong> lastIds = new ConcurrentHashMap<>();

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Matcher offset = OFFSET.matcher(serveEvent.getRequest().getBodyAsString());
            String result;
            if (offset.find()) {
                result = updates.getOrDefault(Long.parseLong(offset.group(1)), "");
            } else {
                int poller = pollers.incrementAndGet();
                lastIds.put(poller, new AtomicLong(1000L * poller));
                result = update(1000L * poller, Long.toString(STRANGERS + poller), 1, "ack n3", "");
            }
            return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"result\":[" + result + "]}").build();
        }

        /** Hands alice's message to poller {@code poller}'s next poll. */
        void deliver(int poller, long messageId, String text, String more) {
            long id = lastIds.get(poller).incrementAndGet();
            updates.put(id, update(id, ALICE, messageId, text, more));
        }

        /** Which poller's stranger has this fingerprint (eight hex digits of the SHA-256 of the chat id); null if none. */
        Integer pollerOfFingerprint(String fingerprint) throws Exception {
            for (int k = 1; k <= pollers.get(); k++) {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(Long.toString(STRANGERS + k).getBytes(StandardCharsets.UTF_8));
                if (HexFormat.of().formatHex(digest, 0, 4).equals(fingerprint)) {
                    return k;
                }
            }
            return null;
        }

        private static String update(long updateId, String chat, long messageId, String text, String more) {
            return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + messageId + ",\"date\":"
                    + Instant.now().getEpochSecond() + ",\"from\":{\"id\":" + chat + ",\"is_bot\":false},"
                    + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"" + text + "\"" + more + "}}";
        }
    }
}
