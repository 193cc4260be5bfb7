package io.ringwatch.notifiers.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.InboundMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The key a callee pressed, as Twilio posts it. The signature is checked against Twilio's own
 * published example (auth token {@code 12345}, that URL and those parameters give
 * {@code RSOYDt4T1cUTdK1PDd93/VVr8B8=}), so the scheme is Twilio's, not one of ours that merely
 * agrees with itself.
 */
class TwilioKeypressTest {
    private static final String DOCUMENTED_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private static final String DOCUMENTED_BODY = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234"
            + "&From=%2B14158675309&To=%2B18005551212";
    private static final Instant NOW = Instant.parse("2026-12-06T23:50:00Z");

    private final List<InboundMessage> heard = new ArrayList<>();
    private final Conversation conversation = message -> {
        heard.add(message);
        return "Acknowledged node n3: no more reminders or escalation.";
    };

    private static TwilioKeypress keypress(String ackUrl) {
        TwilioSettings settings = new TwilioSettings("on-call-phone", "AC0123456789abcdef0123456789abcdef", "12345",
                "+15005550006", List.of("+18005551212"), TwilioMode.CALL, Optional.of(URI.create(ackUrl)),
                URI.create("https://api.twilio.com"), Duration.ofSeconds(10));
        return new TwilioKeypress(settings, URI.create(ackUrl), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CallbackReceiver.Request request(String query, String body, String signature) {
        return new CallbackReceiver.Request(query, Map.of("X-Twilio-Signature", signature,
                "Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTwiliosDocumentedSignatureAndRefusesAnyChange() {
        TwilioKeypress receiver = keypress("https://mycompany.com/myapp.php?foo=1&bar=2");

        CallbackReceiver.Answer genuine = receiver.receive(request("foo=1&bar=2", DOCUMENTED_BODY, DOCUMENTED_SIGNATURE),
                conversation);
        assertThat(genuine.status()).as("Twilio's own example").isEqualTo(200);
        assertThat(genuine.body()).isEqualTo("<Response><Say>Not acknowledged. Goodbye.</Say></Response>");

        for (CallbackReceiver.Request forged : List.of(
                request("foo=1&bar=2", DOCUMENTED_BODY.replace("Digits=1234", "Digits=1"), DOCUMENTED_SIGNATURE),
                request("foo=1&bar=3", DOCUMENTED_BODY, DOCUMENTED_SIGNATURE),
                request("foo=1&bar=2", DOCUMENTED_BODY, "RSOYDt4T1cUTdK1PDd93/VVr8B8"),
                new CallbackReceiver.Request("foo=1&bar=2", Map.of(), DOCUMENTED_BODY.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(receiver.receive(forged, conversation).status()).as("%s", forged).isEqualTo(403);
        }
        assertThat(heard).isEmpty();
    }

    @Test
    void theTestsSignerAgreesWithTwiliosExample() {
        assertThat(TwilioSignatures.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", TwilioKeypress.form(DOCUMENTED_BODY)))
                .isEqualTo(DOCUMENTED_SIGNATURE);
    }

    @Test
    void pressingOneAcknowledgesTheIncidentOfTheCallAsTheCallee() {
        String ackUrl = "https://ack.example.com/ringwatch/v1/callback/on-call-phone?token=t";
        String query = "token=t&incident=n3%402026-12-06T23%3A40%3A00Z";
        String body = "CallSid=CA42&Digits=1&From=%2B15005550006&To=%2B15550001111";
        String signature = TwilioSignatures.sign("12345", "https://ack.example.com/ringwatch/v1/callback/on-call-phone?" + query,
                TwilioKeypress.form(body));

        CallbackReceiver.Answer answer = keypress(ackUrl).receive(request(query, body, signature), conversation);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).isEqualTo("<Response><Say>Acknowledged node n3: no more reminders or escalation.</Say></Response>");
        assertThat(heard).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo("on-call-phone");
            assertThat(message.sender()).as("the callee: their address on the channel").isEqualTo("+15550001111");
            assertThat(message.text()).isEqualTo("ack");
            assertThat(message.replyTo()).contains("n3@2026-12-06T23:40:00Z");
            assertThat(message.at()).isEqualTo(NOW);
        });
    }

    @Test
    void anUnknownCalleeGetsAnEmptyAnswerAndAnotherKeyAcknowledgesNothing() {
        String query = "incident=n3%402026-12-06T23%3A40%3A00Z";
        String url = "https://ack.example.com/cb?" + query;
        Conversation nobody = message -> "";

        String nine = "Digits=9&To=%2B15550001111";
        assertThat(keypress("https://ack.example.com/cb").receive(
                request(query, nine, TwilioSignatures.sign("12345", url, TwilioKeypress.form(nine))), conversation).body())
                .isEqualTo("<Response><Say>Not acknowledged. Goodbye.</Say></Response>");
        assertThat(heard).isEmpty();

        String one = "Digits=1&To=%2B15559999999";
        assertThat(keypress("https://ack.example.com/cb").receive(
                request(query, one, TwilioSignatures.sign("12345", url, TwilioKeypress.form(one))), nobody).body())
                .isEqualTo("<Response></Response>");
    }
}
