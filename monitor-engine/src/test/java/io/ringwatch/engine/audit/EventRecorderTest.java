package io.ringwatch.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.EventLog;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.DeliveryMode;
import io.ringwatch.engine.delivery.Lane;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
    private static final Instant NOW = Instant.parse("1969-12-31T23:59:59.876543211Z");

    @Test
    void stampsEventsWithTheObserverAndTheInjectedClock() {
        List<Event> appended = new ArrayList<>();
        EventRecorder recorder = new EventRecorder(NodeId.of("n1"), Clock.fixed(NOW, ZoneOffset.UTC), appended::add,
                Lane.open(DeliveryMode.INLINE, "events", 10));

        recorder.record(recorder.event(EventKind.ANNOTATION).message("tim: I blame the ISP"));

        assertThat(appended).singleElement().satisfies(event -> {
            assertThat(event.at()).isEqualTo(NOW);
            assertThat(event.observer()).isEqualTo(NodeId.of("n1"));
            assertThat(event.humanLine()).isEqualTo("INFORMATION: tim: I blame the ISP");
        });
    }

    @Test
    void flushesEveryEventButRoutineCheckFailures() {
        List<String> calls = new ArrayList<>();
        EventLog log = new EventLog() {
            @Override
            public void append(Event event) {
                calls.add("append " + event.kind());
            }

            @Override
            public void flush() {
                calls.add("flush");
            }
        };
        EventRecorder recorder = new EventRecorder(NodeId.of("n1"), Clock.fixed(NOW, ZoneOffset.UTC), log,
                Lane.open(DeliveryMode.INLINE, "events", 10));

        recorder.record(recorder.event(EventKind.PROBE_FAILED).message("check failed"));
        recorder.record(recorder.event(EventKind.STATE_CHANGED).message("node n3 DOWN"));

        assertThat(calls).containsExactly("append PROBE_FAILED", "append STATE_CHANGED", "flush");
    }

    @Test
    void aLogThatThrowsLosesThatEventOnlyAndTheRecorderGoesOn() {
        List<Event> appended = new ArrayList<>();
        EventLog flaky = event -> {
            if (event.message().contains("first")) {
                throw new IOException("disk full");
            }
            appended.add(event);
        };
        EventRecorder recorder = new EventRecorder(NodeId.of("n1"), Clock.fixed(NOW, ZoneOffset.UTC), flaky,
                Lane.open(DeliveryMode.INLINE, "events", 10));

        recorder.record(recorder.event(EventKind.ANNOTATION).message("first"));
        recorder.record(recorder.event(EventKind.ANNOTATION).message("second"));

        assertThat(appended).extracting(Event::message).containsExactly("second");
    }
}
