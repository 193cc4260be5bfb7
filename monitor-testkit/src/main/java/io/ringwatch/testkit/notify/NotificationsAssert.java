package io.ringwatch.testkit.notify;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on the notifications a channel received. When one fails, its message
 * says what was expected and then lists every notification that was recorded, one per line
 * (kind, observer, headline, incident key), and the failed attempts of a
 * {@link RecordingNotifier}, so a failing test explains itself:
 *
 * <pre>
 * Expecting exactly one ALERT for n3/orders-api, but found 0.
 * Recorded notifications (1):
 *   1. RECOVERY by n1: INFORMATION: orders-api UP on node n3 [incident n3/orders-api@2031-02-03T04:05:06.789Z]
 * </pre>
 *
 * <pre>{@code
 * import static io.ringwatch.testkit.notify.NotificationsAssert.assertThat;
 *
 * assertThat(pager)
 *         .hasExactlyOneAlertFor(TargetId.parse("n3/orders-api"))
 *         .hasNoAlertFor(TargetId.parse("n4"))
 *         .allFrom(NodeId.of("n1"));
 * }</pre>
 *
 * <p>Not thread-safe (as AssertJ assertions are not): it checks a snapshot taken when it was
 * made.
 */
public final class NotificationsAssert extends AbstractAssert<NotificationsAssert, List<Notification>> {
    private final List<Notification> failedAttempts;

    private NotificationsAssert(List<Notification> actual, List<Notification> failedAttempts) {
        super(actual, NotificationsAssert.class);
        this.failedAttempts = failedAttempts;
    }

    /**
     * Assertions on what this notifier has recorded so far (a snapshot).
     *
     * @throws NullPointerException if {@code notifier} is null
     */
    public static NotificationsAssert assertThat(RecordingNotifier notifier) {
        Objects.requireNonNull(notifier, "notifier");
        return new NotificationsAssert(notifier.notifications(), notifier.failedAttempts())
                .describedAs("channel '%s'", notifier.name());
    }

    /** Assertions on these notifications (a copy is checked; {@code null} fails every assertion). */
    public static NotificationsAssert assertThat(List<Notification> notifications) {
        return new NotificationsAssert(notifications == null ? null : List.copyOf(notifications), List.of());
    }

    /** Checks that exactly {@code expected} notifications were recorded. */
    public NotificationsAssert hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("Expecting " + expected + " notifications, but found " + actual.size() + ".");
        }
        return this;
    }

    /** Checks that nothing was recorded. */
    public NotificationsAssert isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            fail("Expecting no notifications, but found " + actual.size() + ".");
        }
        return this;
    }

    /** Checks that something was recorded. */
    public NotificationsAssert isNotEmpty() {
        isNotNull();
        if (actual.isEmpty()) {
            fail("Expecting some notifications, but found none.");
        }
        return this;
    }

    /** Checks that a notification equal to {@code expected} was recorded. */
    public NotificationsAssert contains(Notification expected) {
        isNotNull();
        if (!actual.contains(expected)) {
            fail("Expecting to find:\n  " + (expected == null ? "null" : RecordedNotifications.line(expected))
                    + "\nbut it was not recorded.");
        }
        return this;
    }

    /** Checks that an {@link NotificationKind#ALERT} says {@code target} became {@code status}. */
    public NotificationsAssert hasAlert(TargetId target, Status status) {
        isNotNull();
        if (count(n -> n.kind() == NotificationKind.ALERT && n.target().equals(target) && n.current() == status) == 0) {
            fail("Expecting an ALERT that " + target + " is " + status + ", but there was none.");
        }
        return this;
    }

    /** Checks that exactly one {@link NotificationKind#ALERT} is about {@code target}. */
    public NotificationsAssert hasExactlyOneAlertFor(TargetId target) {
        return hasExactlyOne(NotificationKind.ALERT, target);
    }

    /** Checks that no {@link NotificationKind#ALERT} is about {@code target}. */
    public NotificationsAssert hasNoAlertFor(TargetId target) {
        return hasNone(NotificationKind.ALERT, target);
    }

    /** Checks that at least one {@link NotificationKind#RECOVERY} is about {@code target}. */
    public NotificationsAssert hasRecoveryFor(TargetId target) {
        isNotNull();
        if (count(about(NotificationKind.RECOVERY, target)) == 0) {
            fail("Expecting a RECOVERY for " + target + ", but there was none.");
        }
        return this;
    }

    /** Checks that exactly one {@link NotificationKind#RECOVERY} is about {@code target}. */
    public NotificationsAssert hasExactlyOneRecoveryFor(TargetId target) {
        return hasExactlyOne(NotificationKind.RECOVERY, target);
    }

    /** Checks that no notification of any kind is about {@code target}. */
    public NotificationsAssert hasNothingFor(TargetId target) {
        isNotNull();
        long found = count(n -> n.target().equals(target));
        if (found > 0) {
            fail("Expecting nothing about " + target + ", but found " + found + ".");
        }
        return this;
    }

    /**
     * Checks that some notification is about {@code target} and that all of those share one
     * incident key: the alert, its reminders, its escalation and its recovery.
     */
    public NotificationsAssert hasOneIncidentKeyFor(TargetId target) {
        isNotNull();
        Set<String> keys = actual.stream().filter(n -> n.target().equals(target))
                .map(Notification::incidentKey).collect(Collectors.toCollection(TreeSet::new));
        if (keys.size() != 1) {
            fail("Expecting one incident key for " + target + ", but found " + keys.size() + ": " + keys + ".");
        }
        return this;
    }

    /** Checks that no notification of this kind was recorded. */
    public NotificationsAssert hasNoneOfKind(NotificationKind kind) {
        isNotNull();
        long found = count(n -> n.kind() == kind);
        if (found > 0) {
            fail("Expecting no " + kind + ", but found " + found + ".");
        }
        return this;
    }

    /** Checks that each of these kinds was recorded at least once, in any order. */
    public NotificationsAssert containsKinds(NotificationKind... kinds) {
        isNotNull();
        Set<NotificationKind> missing = EnumSet.noneOf(NotificationKind.class);
        missing.addAll(Arrays.asList(kinds));
        actual.forEach(n -> missing.remove(n.kind()));
        if (!missing.isEmpty()) {
            fail("Expecting the kinds " + Arrays.toString(kinds) + ", but found no " + missing + ".");
        }
        return this;
    }

    /** Checks that the kinds recorded, in order, are exactly these. */
    public NotificationsAssert hasKindsExactly(NotificationKind... kinds) {
        isNotNull();
        List<NotificationKind> found = actual.stream().map(Notification::kind).toList();
        if (!found.equals(List.of(kinds))) {
            fail("Expecting the kinds " + Arrays.toString(kinds) + " in this order, but found " + found + ".");
        }
        return this;
    }

    /** Checks that every notification was made by {@code observer}. */
    public NotificationsAssert allFrom(NodeId observer) {
        isNotNull();
        long others = count(n -> !n.observer().equals(observer));
        if (others > 0) {
            fail("Expecting every notification to come from " + observer + ", but " + others + " came from others.");
        }
        return this;
    }

    private NotificationsAssert hasExactlyOne(NotificationKind kind, TargetId target) {
        isNotNull();
        long found = count(about(kind, target));
        if (found != 1) {
            fail("Expecting exactly one " + kind + " for " + target + ", but found " + found + ".");
        }
        return this;
    }

    private NotificationsAssert hasNone(NotificationKind kind, TargetId target) {
        isNotNull();
        long found = count(about(kind, target));
        if (found > 0) {
            fail("Expecting no " + kind + " for " + target + ", but found " + found + ".");
        }
        return this;
    }

    private static Predicate<Notification> about(NotificationKind kind, TargetId target) {
        return n -> n.kind() == kind && n.target().equals(target);
    }

    private long count(Predicate<Notification> which) {
        return actual.stream().filter(which).count();
    }

    private void fail(String expectation) {
        failWithMessage("%s", expectation + "\n" + RecordedNotifications.list(actual, failedAttempts));
    }
}
