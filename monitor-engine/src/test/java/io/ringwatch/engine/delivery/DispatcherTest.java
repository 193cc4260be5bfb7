package io.ringwatch.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.DeliveryMode;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.schedule.SystemScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads and real time: what a slow, hanging or throwing channel does to the others. */
class DispatcherTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final SystemScheduler scheduler = SystemScheduler.start("dispatcher-test");
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final EventRecorder events = new EventRecorder(NodeId.of("n1"), Clock.systemUTC(), log,
            Lane.open(DeliveryMode.INLINE, "events", 100));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        scheduler.close();
    }

    @Test
    void aHangingChannelIsGivenUpAtItsTimeoutAndGoesOnWithTheNextNotification() {
        Collecting fine = new Collecting("fine");
        Hanging stuck = new Hanging(release);
        Dispatcher dispatcher = new Dispatcher(List.of(stuck, fine), DeliveryMode.THREADS, TIMEOUT, scheduler, events);

        dispatcher.dispatch(notification("n3"));
        dispatcher.dispatch(notification("n4"));

        await().atMost(BOUND).until(() -> fine.received.size() == 2);
        await().atMost(BOUND).until(() -> failures("stuck").size() == 2);
        assertThat(failures("stuck")).allSatisfy(event -> assertThat(event.attributes().get("error"))
                .isEqualTo("timed out after 300 ms"));
        assertThat(stuck.interrupted).as("the abandoned delivery was interrupted").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aChannelWithThreeDeliveriesStillHangingIsNotTriedAgainUntilOneReturns() {
        Hanging stuck = new Hanging(release);
        Dispatcher dispatcher = new Dispatcher(List.of(stuck), DeliveryMode.THREADS, TIMEOUT, scheduler, events);
        for (int i = 1; i <= 5; i++) {
            dispatcher.dispatch(notification("n" + i));
        }

        await().atMost(BOUND).until(() -> failures("stuck").size() == 5);
        assertThat(failures("stuck")).extracting(event -> event.attributes().get("error")).containsExactly(
                "timed out after 300 ms", "timed out after 300 ms", "timed out after 300 ms",
                "not attempted: 3 earlier deliveries still hang", "not attempted: 3 earlier deliveries still hang");
    }

    @Test
    void aThrowingChannelIsRecordedAsFailedAndStopsNothing() {
        Collecting fine = new Collecting("fine");
        Notifier broken = new Notifier() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void send(Notification notification) {
                throw new IllegalStateException("provider said 500");
            }
        };
        Dispatcher dispatcher = new Dispatcher(List.of(broken, fine), DeliveryMode.THREADS, TIMEOUT, scheduler, events);

        dispatcher.dispatch(notification("n3"));

        await().atMost(BOUND).until(() -> fine.received.size() == 1 && failures("broken").size() == 1);
        assertThat(failures("broken").get(0).attributes().get("error")).isEqualTo("IllegalStateException: provider said 500");
        assertThat(log.events(EventKind.NOTIFICATION_SENT)).singleElement()
                .satisfies(sent -> assertThat(sent.message()).isEqualTo("Sent fine: CRITICAL: node n3 DOWN"));
    }

    @Test
    void closingWaitsForQueuedDeliveriesAndClosesEveryNotifier() {
        Collecting fine = new Collecting("fine");
        Dispatcher dispatcher = new Dispatcher(List.of(fine), DeliveryMode.THREADS, Duration.ofSeconds(5), scheduler, events);
        for (int i = 1; i <= 20; i++) {
            dispatcher.dispatch(notification("n" + i));
        }

        dispatcher.close();

        assertThat(fine.received).hasSize(20);
        assertThat(fine.closed).isTrue();
    }

    @Test
    void inlineDeliveryHappensBeforeDispatchReturns() {
        Collecting fine = new Collecting("fine");
        Dispatcher dispatcher = new Dispatcher(List.of(fine), DeliveryMode.INLINE, TIMEOUT, scheduler, events);

        dispatcher.dispatch(notification("n3"));

        assertThat(fine.received).hasSize(1);
    }

    private List<Event> failures(String channel) {
        return log.events(EventKind.NOTIFICATION_FAILED).stream()
                .filter(event -> channel.equals(event.attributes().get("channel"))).toList();
    }

    private static Notification notification(String node) {
        Instant now = Instant.parse("2026-11-24T10:15:00Z");
        return Notification.builder().incidentKey(node + "@" + now).kind(NotificationKind.ALERT)
                .target(TargetId.parse(node)).previous(Status.UP).current(Status.DOWN).observer(NodeId.of("n1"))
                .since(now).at(now).reason("connection refused").build();
    }

    private static final class Collecting implements Notifier {
        final String name;
        final List<Notification> received = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Collecting(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(Notification notification) {
            received.add(notification);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class Hanging implements Notifier {
        final CountDownLatch release;
        volatile int interrupted;

        Hanging(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public void send(Notification notification) {
            // Like blocking socket I/O: an interrupt does not end it, only the release does.
            boolean wasInterrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException abandoned) {
                    interrupted++;
                    wasInterrupted = true;
                }
            }
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
