package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest {
    private final InMemoryEventLog log = new InMemoryEventLog();

    @Test
    void keepsEventsInAppendOrderAsAnImmutableSnapshot() {
        log.append(Events.probeFailure(1));
        log.append(Events.ordersApiDown());
        List<Event> snapshot = log.events();
        log.append(Events.probeFailure(2));

        assertThat(snapshot).containsExactly(Events.probeFailure(1), Events.ordersApiDown());
        assertThat(log.events()).hasSize(3);
        assertThatThrownBy(() -> snapshot.add(Events.probeFailure(3))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void selectsEventsOfOneKind() {
        log.append(Events.probeFailure(1));
        log.append(Events.ordersApiDown());
        log.append(Events.probeFailure(2));

        assertThat(log.events(EventKind.PROBE_FAILED)).containsExactly(Events.probeFailure(1), Events.probeFailure(2));
        assertThat(log.events(EventKind.ACKNOWLEDGED)).isEmpty();
    }

    @Test
    void forgetsEverythingOnClearAndSummarisesByCount() {
        log.append(Events.probeFailure(1));
        assertThat(log).hasToString("InMemoryEventLog[1 event]");
        log.append(Events.ordersApiDown());
        assertThat(log).hasToString("InMemoryEventLog[2 events]");

        log.clear();

        assertThat(log.events()).isEmpty();
        assertThat(log).hasToString("InMemoryEventLog[0 events]");
    }

    @Test
    void rejectsANullEvent() {
        assertThatThrownBy(() -> log.append(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void losesNoEventWhenManyThreadsAppendAtOnce() throws InterruptedException {
        int threads = 8;
        int each = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread appender = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < each; i++) {
                    log.append(Events.probeFailure(i));
                    if (i % 250 == 0) {
                        assertThat(log.events(EventKind.PROBE_FAILED)).doesNotContainNull();
                    }
                }
            });
            appender.start();
            appenders.add(appender);
        }
        start.countDown();
        for (Thread appender : appenders) {
            appender.join();
        }

        assertThat(log.events()).hasSize(threads * each);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
