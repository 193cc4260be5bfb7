package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventJsonPropertiesTest {

    @Property(tries = 500)
    void readsBackEveryEventItWrote(@ForAll("events") Event event) {
        assertThat(EventJson.decode(EventJson.encode(event))).isEqualTo(event);
    }

    @Property(tries = 500)
    void writesEveryEventOnOneLine(@ForAll("events") Event event) {
        String line = EventJson.encode(event);
        assertThat(line.chars().filter(c -> c < 0x20 || c == '\u2028' || c == '\u2029').count())
                .as("line breaks and control characters in %s", line)
                .isZero();
    }

    @Provide
    Arbitrary<Event> events() {
        return EventArbitraries.events();
    }
}
