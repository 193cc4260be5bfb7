package io.ringwatch.notifiers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.FROM;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.SID;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.TOKEN;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.created;
import static io.ringwatch.notifiers.twilio.TwilioSmsNotifierTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.EscalationStep;
import io.ringwatch.engine.routing.OnCallSchedule;
import io.ringwatch.engine.routing.Routing;
import io.ringwatch.testkit.Fault;
import io.ringwatch.testkit.SimulatedCluster;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole loop of "press 1 to acknowledge", in a simulated farm with the real Twilio channel
 * (its REST API on WireMock): nobody acknowledges a DOWN, so the person on call is phoned; they
 * press 1; Twilio posts the keypress, signed, to the node; the incident is acknowledged by them
 * and the next step (phoning the next person) never comes.
 */
class AcknowledgeByPhoneTest {
    private static final String ACK_URL = "https://ringwatch.example.com/ringwatch/v1/callback/phone?token=t";
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    @RegisterExtension
    static WireMockExtension twilio = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void theOnCallPersonPressesOneAndTheIncidentIsAcknowledgedByThem() {
        twilio.stubFor(post(urlEqualTo(resource("Calls.json"))).willReturn(created()));
        Routing routing = Routing.builder()
                .contact(Contact.of("alice", "phone", "+15550001111"))
                .contact(Contact.of("bob", "phone", "+15550002222"))
                .onCall(OnCallSchedule.in(ZoneOffset.UTC).shift(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, "alice")
                        .shift(DayOfWeek.SUNDAY, LocalTime.of(23, 59, 59), "bob").build())
                .escalate(EscalationStep.onCall(Duration.ofMinutes(10), "phone"))
                .escalate(EscalationStep.nextOnCall(Duration.ofMinutes(20), "phone"))
                .build();
        try (SimulatedCluster farm = SimulatedCluster.builder().routing(routing)
                .config(MonitorConfig.custom().repeatInterval(Duration.ofHours(2)).build())
                .channel("twilio", "phone", Map.of("account-sid", SID, "auth-token", TOKEN, "from", FROM,
                        "to", "+15559990000", "mode", "call", "ack-url", ACK_URL, "api-url", twilio.baseUrl()))
                .build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow())
                    .runFor(Duration.ofMinutes(10));
            List<LoggedRequest> calls = twilio.findAll(postRequestedFor(urlEqualTo(resource("Calls.json"))));
            assertThat(calls).as("alice is phoned at the first step").singleElement()
                    .satisfies(call -> assertThat(call.formParameter("To").firstValue()).isEqualTo("+15550001111"));

            // Twilio posts the key alice pressed to the Gather's action, signed with the auth token.
            Matcher action = ACTION.matcher(calls.get(0).formParameter("Twiml").firstValue());
            assertThat(action.find()).isTrue();
            URI actionUrl = URI.create(action.group(1).replace("&amp;", "&"));
            String body = "CallSid=CA42&Digits=1&From=" + FROM.replace("+", "%2B") + "&To=%2B15550001111";
            String signature = TwilioSignatures.sign(TOKEN, actionUrl.toString(), TwilioKeypress.form(body));
            String owner = farm.events().stream().filter(e -> e.kind() == EventKind.NOTIFICATION_SENT
                    && "phone".equals(e.attributes().get("channel"))).findFirst().orElseThrow().observer().value();

            CallbackReceiver.Answer answer = farm.engine(owner).callback("phone", new CallbackReceiver.Request(
                    actionUrl.getRawQuery(), Map.of("X-Twilio-Signature", signature), body.getBytes(StandardCharsets.UTF_8)))
                    .orElseThrow();
            farm.runFor(Duration.ofMinutes(30));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("<Response><Say>Acknowledged node n3: no more reminders or escalation.</Say></Response>");
            assertThat(farm.view(owner).target(TargetId.parse("n3"))).hasValueSatisfying(view ->
                    assertThat(view.acknowledged()).isTrue());
            assertThat(farm.events()).anyMatch(e -> e.kind() == EventKind.ACKNOWLEDGED
                    && e.message().equals("alice acknowledged node n3 DOWN: via phone"));
            assertThat(twilio.findAll(postRequestedFor(urlEqualTo(resource("Calls.json")))))
                    .as("bob is never phoned: the second step does not come").extracting(call -> call.formParameter("To").firstValue())
                    .containsOnly("+15550001111");
        }
    }
}
