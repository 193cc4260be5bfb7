package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final String DOWN_LINE = "{\"at\":\"2026-11-24T10:15:00Z\",\"kind\":\"STATE_CHANGED\",\"observer\":\"n1\","
            + "\"target\":\"n3/orders-api\",\"status\":\"DOWN\",\"previous\":\"UP\",\"severity\":\"CRITICAL\","
            + "\"message\":\"orders-api DOWN on node n3\",\"attributes\":{\"reason\":\"connection refused\"}}";

    @Test
    void writesTheFieldsInTheirDocumentedOrderOnOneLine() {
        assertThat(EventJson.encode(Events.ordersApiDown())).isEqualTo(DOWN_LINE);
        assertThat(EventJson.decode(DOWN_LINE)).isEqualTo(Events.ordersApiDown());
    }

    @Test
    void leavesOutWhatIsMissingAndReadsItBackAsMissing() {
        Event started = Event.builder(EventKind.ENGINE_STARTED).at(Events.AT).observer(NodeId.of("n1")).build();
        String line = EventJson.encode(started);

        assertThat(line).isEqualTo("{\"at\":\"2026-11-24T10:15:00Z\",\"kind\":\"ENGINE_STARTED\",\"observer\":\"n1\","
                + "\"severity\":\"INFORMATION\",\"message\":\"\"}");
        assertThat(EventJson.decode(line)).isEqualTo(started);
    }

    @Test
    void readsNullOptionalFieldsAndIgnoresFieldsItDoesNotKnow() {
        Event event = EventJson.decode("{\"at\":\"2026-11-24T10:15:00.5Z\",\"kind\":\"ANNOTATION\",\"observer\":\"n2\","
                + "\"target\":null,\"status\":null,\"previous\":null,\"severity\":\"INFORMATION\",\"message\":\"Ok, I got this one\","
                + "\"attributes\":null,\"addedLater\":{\"x\":[1,2]}}\n");

        assertThat(event.target()).isNull();
        assertThat(event.status()).isNull();
        assertThat(event.attributes()).isEmpty();
        assertThat(event.message()).isEqualTo("Ok, I got this one");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertDecodeFails(DOWN_LINE.replace("\"at\":\"2026-11-24T10:15:00Z\",", ""), "field 'at' is missing");
        assertDecodeFails(DOWN_LINE.replace("\"2026-11-24T10:15:00Z\"", "\"yesterday\""),
                "field 'at': expected an ISO-8601 instant such as 2026-11-24T10:15:00Z but found \"yesterday\"");
        assertDecodeFails(DOWN_LINE.replace("\"STATE_CHANGED\"", "\"EXPLODED\""), "field 'kind': expected one of [ENGINE_STARTED");
        assertDecodeFails(DOWN_LINE.replace("\"observer\":\"n1\"", "\"observer\":\"n 1\""), "field 'observer': node id 'n 1' is not valid");
        assertDecodeFails(DOWN_LINE.replace("\"observer\":\"n1\"", "\"observer\":null"), "field 'observer' must not be null");
        assertDecodeFails(DOWN_LINE.replace("n3/orders-api", "n3/"), "field 'target': service id");
        assertDecodeFails(DOWN_LINE.replace("\"DOWN\"", "\"SIDEWAYS\""),
                "field 'status': expected one of [UNKNOWN, UP, DEGRADED, DOWN] but found \"SIDEWAYS\"");
        assertDecodeFails(DOWN_LINE.replace("\"UP\"", "2"), "field 'previous': expected a string but found 2");
        assertDecodeFails(DOWN_LINE.replace("\"CRITICAL\"", "\"critical\""), "field 'severity': expected one of [INFORMATION, WARNING, CRITICAL]");
        assertDecodeFails(DOWN_LINE.replace("\"orders-api DOWN on node n3\"", "[\"orders-api\"]"), "field 'message': expected a string but found [\"orders-api\"]");
        assertDecodeFails(DOWN_LINE.replace("\"connection refused\"", "503"), "field 'attributes': expected a string for \"reason\" but found 503");
        assertDecodeFails(DOWN_LINE.replace("{\"reason\":\"connection refused\"}", "[]"), "field 'attributes': expected an object of strings but found []");
    }

    @Test
    void saysWhereTheJsonIsBroken() {
        assertDecodeFails(DOWN_LINE.substring(0, DOWN_LINE.indexOf(",\"kind\"")),
                "not valid JSON: expected ',' or '}' but found end of input at line 1, column 29");
        assertDecodeFails("[1]", "expected a JSON object but found [1]");
    }

    @Test
    void quotesAtMostAShortPieceOfAWrongValue() {
        assertThatThrownBy(() -> EventJson.decode(DOWN_LINE.replace("\"DOWN\"", "\"" + "x".repeat(10_000) + "\"")))
                .hasMessageStartingWith("field 'status'")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    private static void assertDecodeFails(String line, String messageStart) {
        assertThatThrownBy(() -> EventJson.decode(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart);
    }
}
