package io.ringwatch.testkit.notify;

import static io.ringwatch.testkit.notify.NotificationsAssert.assertThat;
import static io.ringwatch.testkit.notify.SampleNotifications.OBSERVER;
import static io.ringwatch.testkit.notify.SampleNotifications.TARGET;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleEscalation;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleReminder;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotificationsAssertTest {
    private static final TargetId OTHER = TargetId.parse("n4");
    private static final String ALERT_LINE = "ALERT by n1: CRITICAL: orders-api DOWN on node n3 [incident "
            + SampleNotifications.INCIDENT_KEY + "]";
    private static final String RECOVERY_LINE = "RECOVERY by n1: INFORMATION: orders-api UP on node n3 [incident "
            + SampleNotifications.INCIDENT_KEY + "]";

    private final List<Notification> incident = List.of(sampleAlert(), sampleReminder(), sampleRecovery());

    @Nested
    class Passing {

        @Test
        void acceptsWhatWasRecorded() {
            assertThat(incident)
                    .isNotEmpty()
                    .hasSize(3)
                    .contains(sampleReminder())
                    .hasAlert(TARGET, Status.DOWN)
                    .hasExactlyOneAlertFor(TARGET)
                    .hasNoAlertFor(OTHER)
                    .hasRecoveryFor(TARGET)
                    .hasExactlyOneRecoveryFor(TARGET)
                    .hasNothingFor(OTHER)
                    .hasOneIncidentKeyFor(TARGET)
                    .hasNoneOfKind(NotificationKind.FLAPPING)
                    .containsKinds(NotificationKind.RECOVERY, NotificationKind.ALERT)
                    .hasKindsExactly(NotificationKind.ALERT, NotificationKind.REMINDER, NotificationKind.RECOVERY)
                    .allFrom(OBSERVER);
        }

        @Test
        void acceptsAnEmptyChannelAsEmpty() {
            assertThat(new RecordingNotifier()).isEmpty().hasSize(0).hasNoAlertFor(TARGET).hasKindsExactly();
        }

        @Test
        void checksWhatTheNotifierHadRecordedWhenTheAssertionWasMade() throws Exception {
            RecordingNotifier pager = new RecordingNotifier("pager");
            pager.send(sampleAlert());
            NotificationsAssert early = assertThat(pager);

            pager.send(sampleRecovery());

            early.hasSize(1);
        }
    }

    @Nested
    class Failing {

        @Test
        void showsTheChannelTheExpectationAndEveryRecordedNotificationOnALine() throws Exception {
            RecordingNotifier pager = new RecordingNotifier("pager");
            pager.send(sampleRecovery());
            pager.failNext(1);
            try {
                pager.send(sampleAlert());
            } catch (IOException scripted) {
                // recorded as a failed attempt
            }

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(pager).hasExactlyOneAlertFor(TARGET))
                    .withMessage("""
                            [channel 'pager'] Expecting exactly one ALERT for n3/orders-api, but found 0.
                            Recorded notifications (1):
                              1. %s
                            Failed attempts (1):
                              1. %s""", RECOVERY_LINE, ALERT_LINE);
        }

        @Test
        void saysNoneWereRecordedWhenTheChannelIsEmpty() {
            failsWith(() -> assertThat(List.<Notification>of()).hasRecoveryFor(TARGET))
                    .withMessage("""
                            Expecting a RECOVERY for n3/orders-api, but there was none.
                            Recorded notifications (0):
                              (none)""");
        }

        @Test
        void failsOnTheWrongSize() {
            failsWith(() -> assertThat(incident).hasSize(2)).withMessageStartingWith("Expecting 2 notifications, but found 3.");
            failsWith(() -> assertThat(incident).isEmpty()).withMessageStartingWith("Expecting no notifications, but found 3.");
            failsWith(() -> assertThat(List.<Notification>of()).isNotEmpty()).withMessageStartingWith("Expecting some");
        }

        @Test
        void failsOnAMissingNotification() {
            failsWith(() -> assertThat(incident).contains(sampleEscalation()))
                    .withMessageStartingWith("Expecting to find:\n  ESCALATION by n1: CRITICAL: unacknowledged: ")
                    .withMessageContaining(ALERT_LINE);
        }

        @Test
        void failsOnAnAlertOfAnotherStatus() {
            failsWith(() -> assertThat(incident).hasAlert(TARGET, Status.DEGRADED))
                    .withMessageStartingWith("Expecting an ALERT that n3/orders-api is DEGRADED, but there was none.")
                    .withMessageContaining("1. " + ALERT_LINE);
        }

        @Test
        void failsOnTwoAlertsWhereOneIsExpected() {
            failsWith(() -> assertThat(List.of(sampleAlert(), sampleAlert())).hasExactlyOneAlertFor(TARGET))
                    .withMessageContaining("but found 2.")
                    .withMessageContaining("1. " + ALERT_LINE + "\n  2. " + ALERT_LINE);
        }

        @Test
        void failsOnAnUnwantedAlertOrRecovery() {
            failsWith(() -> assertThat(incident).hasNoAlertFor(TARGET))
                    .withMessageStartingWith("Expecting no ALERT for n3/orders-api, but found 1.");
            failsWith(() -> assertThat(List.of(sampleRecovery(), sampleRecovery())).hasExactlyOneRecoveryFor(TARGET))
                    .withMessageStartingWith("Expecting exactly one RECOVERY for n3/orders-api, but found 2.");
            failsWith(() -> assertThat(incident).hasNothingFor(TARGET))
                    .withMessageStartingWith("Expecting nothing about n3/orders-api, but found 3.");
        }

        @Test
        void failsWhenAnIncidentChangesItsKey() {
            Notification otherKey = sampleRecovery().toBuilder().incidentKey("n3/orders-api@later").build();

            failsWith(() -> assertThat(List.of(sampleAlert(), otherKey)).hasOneIncidentKeyFor(TARGET))
                    .withMessageStartingWith("Expecting one incident key for n3/orders-api, but found 2: ["
                            + SampleNotifications.INCIDENT_KEY + ", n3/orders-api@later].");
            failsWith(() -> assertThat(incident).hasOneIncidentKeyFor(OTHER))
                    .withMessageStartingWith("Expecting one incident key for n4, but found 0");
        }

        @Test
        void failsOnKinds() {
            failsWith(() -> assertThat(incident).hasNoneOfKind(NotificationKind.REMINDER))
                    .withMessageStartingWith("Expecting no REMINDER, but found 1.");
            failsWith(() -> assertThat(incident).containsKinds(NotificationKind.ALERT, NotificationKind.ESCALATION))
                    .withMessageStartingWith("Expecting the kinds [ALERT, ESCALATION], but found no [ESCALATION].");
            failsWith(() -> assertThat(incident).hasKindsExactly(NotificationKind.ALERT, NotificationKind.RECOVERY))
                    .withMessageStartingWith("Expecting the kinds [ALERT, RECOVERY] in this order, but found "
                            + "[ALERT, REMINDER, RECOVERY].");
        }

        @Test
        void failsOnANotificationFromAnotherObserver() {
            Notification fromN2 = sampleNotice().toBuilder().observer(NodeId.of("n2")).build();

            failsWith(() -> assertThat(List.of(sampleAlert(), fromN2)).allFrom(OBSERVER))
                    .withMessageStartingWith("Expecting every notification to come from n1, but 1 came from others.")
                    .withMessageContaining("2. NOTICE by n2: WARNING: ");
        }

        @Test
        void failsOnNoListAtAll() {
            failsWith(() -> assertThat((List<Notification>) null).hasSize(0)).withMessageContaining("Expecting actual not to be null");
        }
    }

    @Property
    void aFailureListsEveryRecordedNotificationInOrder(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 5) Integer> picks) {
        List<Notification> samples = SampleNotifications.sampleOfEachKind();
        List<Notification> recorded = new ArrayList<>();
        picks.forEach(i -> recorded.add(samples.get(i)));
        StringBuilder expected = new StringBuilder("Recorded notifications (" + recorded.size() + "):");
        for (int i = 0; i < recorded.size(); i++) {
            expected.append("\n  ").append(i + 1).append(". ").append(RecordedNotifications.line(recorded.get(i)));
        }

        failsWith(() -> assertThat(recorded).hasSize(recorded.size() + 1))
                .withMessageEndingWith(recorded.isEmpty() ? expected + "\n  (none)" : expected.toString());
    }

    private static ThrowableAssertAlternative<AssertionError> failsWith(ThrowingCallable assertion) {
        return assertThatExceptionOfType(AssertionError.class).isThrownBy(assertion);
    }
}
