package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanEventFormatTest {

    @Test
    void readsLikeTheSeedLog() {
        Event down = Event.builder(Events.ordersApiDown().kind())
                .at(Instant.parse("2026-11-24T10:15:00.987654321Z"))
                .observer(NodeId.of("n1"))
                .target(Events.ordersApiDown().target())
                .severity(Events.ordersApiDown().severity())
                .message(Events.ordersApiDown().message())
                .build();

        assertThat(HumanEventFormat.format(down)).isEqualTo("2026-11-24 10:15:00Z n1 CRITICAL: orders-api DOWN on node n3");
    }

    @Test
    void keepsAMessageWithLineBreaksOnOneLine() {
        Event note = Event.builder(EventKind.ANNOTATION).at(Events.AT).observer(NodeId.of("n2"))
                .message("Ok, I got\nthis one\r\nCRITICAL: fake line").build();

        assertThat(HumanEventFormat.format(note))
                .isEqualTo("2026-11-24 10:15:00Z n2 INFORMATION: Ok, I got this one CRITICAL: fake line");
    }

    @Test
    void rendersInstantsAtBothEndsOfTime() {
        Event first = Event.builder(EventKind.ANNOTATION).at(Instant.MIN).observer(NodeId.of("n1")).message("x").build();
        Event last = Event.builder(EventKind.ANNOTATION).at(Instant.MAX).observer(NodeId.of("n1")).message("x").build();

        assertThat(HumanEventFormat.format(first)).isEqualTo("-1000000000-01-01 00:00:00Z n1 INFORMATION: x");
        assertThat(HumanEventFormat.format(last)).isEqualTo("+1000000000-12-31 23:59:59Z n1 INFORMATION: x");
    }

    @Test
    void showsKindTargetStatusesAndAttributesWithItsDetails() {
        assertThat(HumanEventFormat.formatWithDetails(Events.ordersApiDown())).isEqualTo("2026-11-24 10:15:00Z n1 CRITICAL:"
                + " orders-api DOWN on node n3 [STATE_CHANGED target=n3/orders-api status=DOWN previous=UP reason=\"connection refused\"]");
    }

    @Test
    void escapesLineBreaksAndControlsInAttributesSoThatTheyCannotForgeALine() {
        Event received = Event.builder(EventKind.MESSAGE_RECEIVED).at(Events.AT).observer(NodeId.of("n2"))
                .message("Message from alice")
                .attribute("text", "ack\n2026-11-24 10:16:00Z n2 INFORMATION: node n3 UP\r\u001b[2J")
                .attribute("by\nnobody", "a\"b\\n")
                .build();

        String line = HumanEventFormat.formatWithDetails(received);

        assertThat(line).doesNotContain("\n", "\r", "\u001b").isEqualTo("2026-11-24 10:15:00Z n2 INFORMATION: Message from alice"
                + " [MESSAGE_RECEIVED \"by\\nnobody\"=\"a\\\"b\\\\n\""
                + " text=\"ack\\n2026-11-24 10:16:00Z n2 INFORMATION: node n3 UP\\r\\u001b[2J\"]");
    }

    @Test
    void escapesWhatCouldStillReachAMessageAndCharactersThatReorderText() {
        assertThat(HumanEventFormat.escape("a\nb\tc\u0000d\u2028e\u202eevil")).isEqualTo("a\\nb\\tc\\u0000d\\u2028e\\u202eevil");
        assertThat(HumanEventFormat.escape("C:\\logs é 😀")).isEqualTo("C:\\logs é 😀");

        Event reordered = Event.builder(EventKind.ANNOTATION).at(Events.AT).observer(NodeId.of("n2"))
                .message("note \u202eKO si 3n").build();
        assertThat(HumanEventFormat.format(reordered)).isEqualTo("2026-11-24 10:15:00Z n2 INFORMATION: note \\u202eKO si 3n");
    }
}
