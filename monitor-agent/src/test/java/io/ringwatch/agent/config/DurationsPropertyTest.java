package io.ringwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DurationsPropertyTest {

    @Property
    void formattingThenParsingGivesTheSameDuration(@ForAll @LongRange(min = 0, max = 400L * 24 * 3600 * 1000) long millis) {
        Duration duration = Duration.ofMillis(millis);

        assertThat(Durations.parse(Durations.format(duration))).contains(duration);
    }

    @Property
    void isoFormIsReadToo(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long millis) {
        Duration duration = Duration.ofMillis(millis);

        assertThat(Durations.parse(duration.toString())).contains(duration);
    }
}
