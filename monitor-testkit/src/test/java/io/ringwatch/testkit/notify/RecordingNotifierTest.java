package io.ringwatch.testkit.notify;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleOfEachKind;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleReminder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordingNotifierTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final RecordingNotifier pager = new RecordingNotifier("pager");

    @Test
    void recordsEveryNotificationInTheOrderSent() throws Exception {
        for (Notification notification : sampleOfEachKind()) {
            pager.send(notification);
        }

        assertThat(pager.notifications()).containsExactlyElementsOf(sampleOfEachKind());
        assertThat(pager.failedAttempts()).isEmpty();
    }

    @Test
    void handsOutSnapshotsThatLaterSendsDoNotChange() throws Exception {
        pager.send(sampleAlert());
        List<Notification> before = pager.notifications();

        pager.send(sampleRecovery());

        assertThat(before).containsExactly(sampleAlert());
        assertThat(before).isUnmodifiable();
    }

    @Test
    void listsOnlyAlertsAsAlerts() throws Exception {
        for (Notification notification : sampleOfEachKind()) {
            pager.send(notification);
        }

        assertThat(pager.alerts()).extracting(Notification::kind).containsExactly(NotificationKind.ALERT);
    }

    @Test
    void failsTheNextSendsAsScriptedThenDeliversAgain() throws Exception {
        pager.failNext(2);

        List<Exception> failures = new ArrayList<>();
        for (Notification notification : List.of(sampleAlert(), sampleReminder(), sampleRecovery())) {
            try {
                pager.send(notification);
            } catch (IOException e) {
                failures.add(e);
            }
        }

        assertThat(failures).hasSize(2);
        assertThat(pager.failedAttempts()).containsExactly(sampleAlert(), sampleReminder());
        assertThat(pager.notifications()).containsExactly(sampleRecovery());
    }

    @Test
    void addsUpFailuresScriptedOneAfterAnother() throws Exception {
        pager.failNext(1).failNext(1);

        assertThatThrownBy(() -> pager.send(sampleAlert())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> pager.send(sampleAlert())).isInstanceOf(IOException.class);
        pager.send(sampleRecovery());

        assertThat(pager.notifications()).containsExactly(sampleRecovery());
    }

    @Test
    void failsEverySendUntilItRecovers() throws Exception {
        pager.failAlways();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> pager.send(sampleReminder())).isInstanceOf(IOException.class);
        }

        pager.recoverFromFailures();
        pager.send(sampleRecovery());

        assertThat(pager.failedAttempts()).hasSize(5);
        assertThat(pager.notifications()).containsExactly(sampleRecovery());
    }

    @Test
    void saysAFailureIsScriptedAndNamesTheChannel() {
        pager.failNext(1);

        assertThatThrownBy(() -> pager.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("scripted failure of channel 'pager' (failNext)");
    }

    @Test
    void refusesToScriptFewerThanOneFailure() {
        assertThatIllegalArgumentException().isThrownBy(() -> pager.failNext(0)).withMessageContaining("at least 1");
    }

    @Test
    void clearForgetsWhatWasRecordedButKeepsTheScript() throws Exception {
        pager.send(sampleAlert());
        pager.failNext(2);
        assertThatThrownBy(() -> pager.send(sampleAlert())).isInstanceOf(IOException.class);

        pager.clear();

        assertThat(pager.notifications()).isEmpty();
        assertThat(pager.failedAttempts()).isEmpty();
        assertThatThrownBy(() -> pager.send(sampleAlert())).isInstanceOf(IOException.class);
    }

    @Test
    void hangsLikeADeadChannelUntilTheLatchIsReleased() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        pager.blockUntil(release);
        Thread sender = sendInBackground(sampleAlert(), new CompletableFuture<>());

        awaitWaiting(sender);
        assertThat(pager.notifications()).isEmpty();

        release.countDown();
        sender.join(BOUND.toMillis());

        assertThat(sender.isAlive()).isFalse();
        assertThat(pager.notifications()).containsExactly(sampleAlert());
    }

    @Test
    void throwsAndCountsAFailedAttemptWhenInterruptedWhileHanging() throws Exception {
        pager.blockUntil(new CountDownLatch(1));
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        Thread sender = sendInBackground(sampleAlert(), outcome);
        awaitWaiting(sender);

        sender.interrupt();

        assertThat(outcome).failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(InterruptedException.class)
                .withMessageContaining("channel 'pager'")
                .withMessageContaining("scripted by blockUntil");
        assertThat(pager.failedAttempts()).containsExactly(sampleAlert());
        assertThat(pager.notifications()).isEmpty();
    }

    @Test
    void stopsHangingForLaterSendsOnceItRecovers() throws Exception {
        pager.blockUntil(new CountDownLatch(1)).recoverFromFailures();

        pager.send(sampleAlert());

        assertThat(pager.notifications()).containsExactly(sampleAlert());
    }

    @Test
    void recordsEverySendFromManyThreadsAtOnce() throws Exception {
        int threads = 8;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> sending = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                sending.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        pager.send(sampleAlert());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : sending) {
                future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(pager.notifications()).hasSize(threads * each);
    }

    @Test
    void awaitsNotificationsSentFromAnotherThread() throws Exception {
        sendInBackground(sampleAlert(), new CompletableFuture<>());

        assertThat(pager.awaitNotifications(1, BOUND)).containsExactly(sampleAlert());
    }

    @Test
    void failsToAwaitListingWhatArrivedWhenTooFewArrive() throws Exception {
        pager.send(sampleAlert());

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> pager.awaitNotifications(2, Duration.ofMillis(1)))
                .withMessageContaining("channel 'pager' got 1 of 2 notifications")
                .withMessageContaining("1. ALERT by n1: CRITICAL: orders-api DOWN on node n3");
    }

    @Test
    void isNamedRecordingByDefaultAndNeverShowsWhatItRecorded() throws Exception {
        RecordingNotifier unnamed = new RecordingNotifier();
        unnamed.send(sampleAlert());

        assertThat(unnamed.name()).isEqualTo("recording");
        assertThat(unnamed).hasToString("RecordingNotifier[recording, 1 delivered, 0 failed]");
    }

    @Test
    void notesThatItWasClosedAndGoesOnRecording() throws Exception {
        pager.close();
        pager.close();
        pager.send(sampleAlert());

        assertThat(pager.isClosed()).isTrue();
        assertThat(pager.notifications()).containsExactly(sampleAlert());
    }

    private Thread sendInBackground(Notification notification, CompletableFuture<Void> outcome) {
        Thread sender = new Thread(() -> {
            try {
                pager.send(notification);
                outcome.complete(null);
            } catch (Exception e) {
                outcome.completeExceptionally(e);
            }
        }, "test-sender");
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    /** Polls, bounded, until the thread waits (on the latch). */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("%s waiting within %s", thread.getName(), BOUND).isLessThan(deadline);
            thread.join(1);
        }
    }
}
