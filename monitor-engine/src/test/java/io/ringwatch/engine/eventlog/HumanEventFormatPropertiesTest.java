package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HumanEventFormatPropertiesTest {

    @Property(tries = 300)
    void rendersEveryEventOnOneLine(@ForAll("events") Event event) {
        String line = HumanEventFormat.format(event);
        assertThat(line.chars().filter(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029').count())
                .as("line breaks and control characters in %s", line)
                .isZero();
        assertThat(line).endsWith(HumanEventFormat.escape(event.humanLine()));
    }

    @Property(tries = 300)
    void rendersEveryEventWithItsDetailsOnOneLine(@ForAll("events") Event event) {
        String line = HumanEventFormat.formatWithDetails(event);
        assertThat(line.chars().filter(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e').count())
                .as("line breaks and control characters in %s", line)
                .isZero();
        assertThat(line).startsWith(HumanEventFormat.format(event)).endsWith("]");
    }

    @Provide
    Arbitrary<Event> events() {
        return EventArbitraries.events();
    }
}
