package io.ringwatch.notifiers.channel;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.ringwatch.api.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The closing of every HTTP channel: sends refused, then the subclass's {@code onClose} once. */
class HttpNotifierTest {

    @Test
    void closeRefusesSendsThenCallsOnCloseOnce() throws Exception {
        CountingNotifier notifier = new CountingNotifier();

        notifier.close();
        notifier.close();

        assertThat(notifier.onCloses.get()).isEqualTo(1);
        assertThat(notifier.closedWhenOnCloseRan).as("sends were refused before onClose ran").isTrue();
        assertThatIllegalStateException().isThrownBy(() -> notifier.send(sampleAlert()))
                .withMessage("channel 'ops' is closed");
    }

    @Test
    void closeFromManyThreadsAtOnceCallsOnCloseOnce() throws Exception {
        CountingNotifier notifier = new CountingNotifier();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> closes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                closes.add(threads.submit(() -> {
                    go.await();
                    notifier.close();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> close : closes) {
                close.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(notifier.onCloses.get()).isEqualTo(1);
    }

    @Test
    void aNotifierThatHoldsNothingMoreNeedsNoOnClose() throws Exception {
        CountingNotifier notifier = new CountingNotifier();
        notifier.send(sampleAlert());

        assertThat(notifier.isClosed()).isFalse();
        assertThat(notifier.delivered.get()).isEqualTo(1);
        assertThat(notifier).hasToString("CountingNotifier[channel=ops, nothing, timeout=PT1S]");
    }

    private static final class CountingNotifier extends HttpNotifier {
        final AtomicInteger onCloses = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        volatile boolean closedWhenOnCloseRan;

        CountingNotifier() {
            super("ops", Duration.ofSeconds(1));
        }

        @Override
        protected void deliver(Notification notification) {
            delivered.incrementAndGet();
        }

        @Override
        protected String details() {
            return "nothing";
        }

        @Override
        protected void onClose() {
            closedWhenOnCloseRan = isClosed();
            onCloses.incrementAndGet();
        }
    }
}
