package io.ringwatch.testkit;

import io.ringwatch.api.Event;
import io.ringwatch.api.Notification;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.testkit.notify.NotificationsAssert;
import io.ringwatch.testkit.notify.RecordingNotifier;
import java.util.List;

/**
 * The entry point for Ringwatch's AssertJ assertions: {@code import static
 * io.ringwatch.testkit.RingwatchAssertions.assertThat;}. Failure messages list what was actually
 * recorded.
 */
public final class RingwatchAssertions {
    private RingwatchAssertions() {
    }

    /** Assertions on what a recording notifier received. */
    public static NotificationsAssert assertThat(RecordingNotifier notifier) {
        return NotificationsAssert.assertThat(notifier);
    }

    /** Assertions on what an in-memory event log holds now. */
    public static EventsAssert assertThat(InMemoryEventLog log) {
        return EventsAssert.assertThat(log);
    }

    /** Assertions on a list of notifications. */
    public static NotificationsAssert assertThatNotifications(List<Notification> notifications) {
        return NotificationsAssert.assertThat(notifications);
    }

    /** Assertions on a list of events, such as {@link SimulatedCluster#events()}. */
    public static EventsAssert assertThatEvents(List<Event> events) {
        return EventsAssert.assertThat(events);
    }
}
