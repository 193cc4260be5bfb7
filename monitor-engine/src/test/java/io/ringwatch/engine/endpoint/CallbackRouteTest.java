package io.ringwatch.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A provider's callback reaches its channel through the status endpoint, over real HTTP on
 * loopback: with its query and headers, without the farm's secret (the provider has none), and
 * only as a POST to a channel that takes callbacks.
 */
class CallbackRouteTest {

    /** A phone channel whose provider calls back; it records what arrived and answers TwiML. */
    private static final class Phone implements Notifier {
        final List<CallbackReceiver.Request> arrived = new ArrayList<>();
        final List<Conversation> conversations = new ArrayList<>();

        @Override
        public String name() {
            return "on-call-phone";
        }

        @Override
        public void send(Notification notification) {
        }

        @Override
        public Optional<CallbackReceiver> callbacks() {
            return Optional.of((request, conversation) -> {
                arrived.add(request);
                conversations.add(conversation);
                return new CallbackReceiver.Answer(200, "text/xml", "<Response><Say>Thanks.</Say></Response>");
            });
        }
    }

    @Test
    void aCallbackIsHandedToItsChannelWithItsQueryAndHeaders() throws Exception {
        Phone phone = new Phone();
        MonitorEngine engine = MonitorEngine.builder().self("n1")
                .members(TestEngines.members("http://127.0.0.1:1", "http://127.0.0.1:2"))
                .transport(TestEngines.unreachable())
                .eventLog(new InMemoryEventLog()).notifier(phone).build();
        engine.start();
        try (engine; StatusEndpoint endpoint = StatusEndpoint.start(EndpointHandler.builder(engine).secret(TestEngines.SECRET)
                .build(), new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI callback = endpoint.uri().resolve(EndpointHandler.CALLBACK_PATH + "on-call-phone?token=t&incident=n3%40x");

            HttpResponse<String> answered = http.send(HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(5))
                    .header("X-Twilio-Signature", "c2lnbmVk").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Digits=1&To=%2B15550001111")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.headers().firstValue("Content-Type")).contains("text/xml");
            assertThat(answered.body()).isEqualTo("<Response><Say>Thanks.</Say></Response>");
            assertThat(phone.arrived).singleElement().satisfies(request -> {
                assertThat(request.query()).isEqualTo("token=t&incident=n3%40x");
                assertThat(request.header("x-twilio-signature")).contains("c2lnbmVk");
                assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("Digits=1&To=%2B15550001111");
            });
            assertThat(phone.conversations).containsExactly(engine.conversation());

            HttpResponse<String> get = http.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> nowhere = http.send(HttpRequest.newBuilder(endpoint.uri().resolve(EndpointHandler.CALLBACK_PATH
                    + "no-such-channel")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(nowhere.statusCode()).isEqualTo(404);
            assertThat(phone.arrived).hasSize(1);
        }
    }
}
