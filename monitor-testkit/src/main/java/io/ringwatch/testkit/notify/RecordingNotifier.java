package io.ringwatch.testkit.notify;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Notifier} for tests that records every notification it is sent, in order, and
 * fails or hangs when the test scripts it to, as OkHttp's {@code MockWebServer} does for HTTP:
 * script the channel, run the code, then look at what was recorded.
 *
 * <pre>{@code
 * RecordingNotifier pager = new RecordingNotifier("pager");
 * pager.failNext(2);                       // the next two sends throw
 * // ... run the engine ...
 * assertThat(pager.failedAttempts()).hasSize(2);
 * NotificationsAssert.assertThat(pager).hasExactlyOneAlertFor(TargetId.parse("n3"));
 * }</pre>
 *
 * <p>A send first waits for the latch given to {@link #blockUntil}, if any; then it fails if
 * a failure is scripted ({@link #failNext}, {@link #failAlways}) and is recorded in
 * {@link #failedAttempts()}, or else it is recorded in {@link #notifications()}. A scripted
 * failure throws an {@link IOException} whose message says it is scripted. Closing is counted
 * but does not stop the notifier from recording.
 *
 * <p>Thread-safe: sends, scripting and reading may happen on any threads at once.
 */
public final class RecordingNotifier implements Notifier {
    /** The name of a notifier made without one. */
    public static final String DEFAULT_NAME = "recording";

    private final String name;
    private final Object lock = new Object();
    private final List<Notification> recorded = new ArrayList<>();
    private final List<Notification> failed = new ArrayList<>();
    /** The contact each recorded notification was addressed to, or null for the channel itself; parallel to {@code recorded}. */
    private final List<Recipient> recipients = new ArrayList<>();
    private int failuresScripted;
    private boolean failingAlways;
    private CountDownLatch gate;
    private boolean closed;

    /** A recording notifier named {@value #DEFAULT_NAME}. */
    public RecordingNotifier() {
        this(DEFAULT_NAME);
    }

    /**
     * A recording notifier with this name.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public RecordingNotifier(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Records the notification, or fails as scripted.
     *
     * @throws IOException if a failure is scripted; the message says so
     * @throws InterruptedException if the thread is interrupted while a {@link #blockUntil} latch holds it
     * @throws NullPointerException if {@code notification} is null
     */
    @Override
    public void send(Notification notification) throws IOException, InterruptedException {
        record(notification, null);
    }

    /** Reaches any address: a recording channel stands in for a chat bot or a phone. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Records the notification as addressed to {@code recipient}, or fails as scripted.
     *
     * @throws IOException if a failure is scripted; the message says so
     * @throws InterruptedException if the thread is interrupted while a {@link #blockUntil} latch holds it
     * @throws NullPointerException if a value is null
     */
    @Override
    public void send(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        record(notification, Objects.requireNonNull(recipient, "recipient"));
    }

    private void record(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        CountDownLatch hold;
        synchronized (lock) {
            hold = gate;
        }
        if (hold != null) {
            try {
                hold.await();
            } catch (InterruptedException interrupted) {
                synchronized (lock) {
                    failed.add(notification);
                }
                InterruptedException hung = new InterruptedException(
                        "channel '" + name + "' was interrupted while it hung (scripted by blockUntil)");
                hung.initCause(interrupted);
                throw hung;
            }
        }
        synchronized (lock) {
            if (failingAlways || failuresScripted > 0) {
                if (!failingAlways) {
                    failuresScripted--;
                }
                failed.add(notification);
                throw new IOException("scripted failure of channel '" + name + "' ("
                        + (failingAlways ? "failAlways" : "failNext") + ")");
            }
            recorded.add(notification);
            recipients.add(recipient);
            lock.notifyAll();
        }
    }

    /** What was delivered, in the order it was sent; a copy. */
    public List<Notification> notifications() {
        synchronized (lock) {
            return List.copyOf(recorded);
        }
    }

    /**
     * What was delivered to {@code contact}'s address, in order; a copy. Notifications sent to
     * the channel itself are not among them.
     */
    public List<Notification> notificationsTo(String contact) {
        synchronized (lock) {
            List<Notification> to = new ArrayList<>();
            for (int i = 0; i < recorded.size(); i++) {
                if (recipients.get(i) != null && recipients.get(i).contact().equals(contact)) {
                    to.add(recorded.get(i));
                }
            }
            return to;
        }
    }

    /** Whom the notifications delivered to a contact's address were for, in order; a copy. */
    public List<Recipient> recipients() {
        synchronized (lock) {
            return recipients.stream().filter(Objects::nonNull).toList();
        }
    }

    /** What was delivered to the channel itself, not to a contact's address, in order; a copy. */
    public List<Notification> notificationsToTheChannel() {
        synchronized (lock) {
            List<Notification> to = new ArrayList<>();
            for (int i = 0; i < recorded.size(); i++) {
                if (recipients.get(i) == null) {
                    to.add(recorded.get(i));
                }
            }
            return to;
        }
    }

    /** The delivered notifications of kind {@link NotificationKind#ALERT}, in order; a copy. */
    public List<Notification> alerts() {
        return notifications().stream().filter(n -> n.kind() == NotificationKind.ALERT).toList();
    }

    /** The notifications whose send failed (scripted or interrupted), in order; a copy. */
    public List<Notification> failedAttempts() {
        synchronized (lock) {
            return List.copyOf(failed);
        }
    }

    /**
     * Waits until at least {@code count} notifications were delivered, for code that sends
     * from threads of its own.
     *
     * @return what was delivered by then
     * @throws AssertionError listing what was delivered if it did not happen within {@code timeout}
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public List<Notification> awaitNotifications(int count, Duration timeout) throws InterruptedException {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (recorded.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("channel '" + name + "' got " + recorded.size() + " of " + count
                            + " notifications within " + timeout + "\n" + RecordedNotifications.list(recorded, failed));
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return List.copyOf(recorded);
        }
    }

    /** Forgets what was delivered and what failed. The script (failures, latch) stays. */
    public void clear() {
        synchronized (lock) {
            recorded.clear();
            recipients.clear();
            failed.clear();
        }
    }

    /**
     * Makes the next {@code times} sends fail, after any failures already scripted.
     *
     * @return this notifier
     * @throws IllegalArgumentException if {@code times} is less than 1
     */
    public RecordingNotifier failNext(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        synchronized (lock) {
            failuresScripted += times;
        }
        return this;
    }

    /**
     * Makes every send fail until {@link #recoverFromFailures()}.
     *
     * @return this notifier
     */
    public RecordingNotifier failAlways() {
        synchronized (lock) {
            failingAlways = true;
        }
        return this;
    }

    /**
     * Calls off every scripted failure and the latch of {@link #blockUntil}: later sends are
     * recorded. Sends already waiting on a latch keep waiting for it.
     *
     * @return this notifier
     */
    public RecordingNotifier recoverFromFailures() {
        synchronized (lock) {
            failuresScripted = 0;
            failingAlways = false;
            gate = null;
        }
        return this;
    }

    /**
     * Makes sends hang, as a channel that does not answer, until {@code latch} is released
     * (reaches zero) or the sending thread is interrupted; an interrupted send throws
     * {@link InterruptedException} and counts as a failed attempt.
     *
     * @return this notifier
     * @throws NullPointerException if {@code latch} is null
     */
    public RecordingNotifier blockUntil(CountDownLatch latch) {
        Objects.requireNonNull(latch, "latch");
        synchronized (lock) {
            gate = latch;
        }
        return this;
    }

    /** Counts the close; the notifier goes on recording. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "RecordingNotifier[" + name + ", " + recorded.size() + " delivered, " + failed.size() + " failed]";
        }
    }
}
