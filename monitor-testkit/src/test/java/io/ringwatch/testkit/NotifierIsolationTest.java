package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static io.ringwatch.testkit.RingwatchAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.DeliveryMode;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.testkit.notify.RecordingNotifier;
import io.ringwatch.testkit.notify.RecordingNotifierProvider;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing or slow channel never stops the engine or the other channels. */
class NotifierIsolationTest {
    private static final TargetId N3 = TargetId.parse("n3");

    @AfterEach
    void forgetRecordingChannels() {
        RecordingNotifierProvider.reset();
    }

    @Test
    void aChannelThatAlwaysThrowsStopsNeitherTheOtherChannelsNorTheChecks() {
        RecordingNotifier broken = RecordingNotifierProvider.channel("broken").failAlways();
        try (SimulatedCluster farm = SimulatedCluster.builder().channel(RecordingNotifierProvider.ID, "broken", Map.of())
                .build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow())
                    .inject(Fault.recovery("n3")).runFor(farm.detectionWindow());

            assertThat(farm.notifications()).hasKindsExactly(NotificationKind.ALERT, NotificationKind.RECOVERY);
            assertThat(broken.failedAttempts()).extracting(Notification::kind)
                    .contains(NotificationKind.ALERT, NotificationKind.RECOVERY)
                    .hasSizeLessThanOrEqualTo(2 * DeliveryPolicy.DEFAULT_ATTEMPTS);
            assertThatEvents(farm.events()).hasEventMatching(event -> event.kind() == EventKind.NOTIFICATION_FAILED
                    && "broken".equals(event.attributes().get("channel"))
                    && event.attributes().get("error").contains("scripted failure"), "a failed delivery to broken");
        }
    }

    @Test
    void aChannelThatHangsIsAbandonedAtItsTimeoutWhileTheOthersDeliver() throws InterruptedException {
        HangingNotifier stuck = new HangingNotifier();
        try (SimulatedCluster farm = SimulatedCluster.builder().delivery(DeliveryMode.THREADS).notifier(stuck).build()) {
            farm.runFor(Duration.ofMinutes(3)).inject(Fault.crash("n3")).runFor(farm.detectionWindow());

            assertThat(farm.notifications().awaitNotifications(1, Duration.ofSeconds(10))).singleElement()
                    .satisfies(alert -> assertThat(alert.target()).isEqualTo(N3));
            assertThat(stuck.entered.await(10, TimeUnit.SECONDS)).as("the stuck channel got the alert").isTrue();

            farm.runFor(farm.config().notifierTimeout());

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatEvents(farm.events())
                    .hasEventMatching(event -> isTimeoutOf("stuck", event), "the stuck delivery given up at its timeout"));
            await().atMost(Duration.ofSeconds(10)).until(() -> stuck.interrupted);
        } finally {
            stuck.release.countDown();
        }
    }

    /** A channel whose every delivery hangs until released or interrupted. */
    private static final class HangingNotifier implements Notifier {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean interrupted;

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public void send(Notification notification) throws InterruptedException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException abandoned) {
                interrupted = true;
                throw abandoned;
            }
        }
    }

    private static boolean isTimeoutOf(String channel, Event event) {
        return event.kind() == EventKind.NOTIFICATION_FAILED && channel.equals(event.attributes().get("channel"))
                && event.attributes().get("error").startsWith("timed out after");
    }
}
