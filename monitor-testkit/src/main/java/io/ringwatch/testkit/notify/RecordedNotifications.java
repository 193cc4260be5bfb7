package io.ringwatch.testkit.notify;

import io.ringwatch.api.Notification;
import java.util.List;

/** Writes what a channel recorded, one notification per line, for failure messages. */
final class RecordedNotifications {
    private RecordedNotifications() {
    }

    /** The delivered notifications and, if there were any, the failed attempts. */
    static String list(List<Notification> delivered, List<Notification> failed) {
        StringBuilder text = new StringBuilder();
        section(text, "Recorded notifications", delivered);
        if (!failed.isEmpty()) {
            text.append('\n');
            section(text, "Failed attempts", failed);
        }
        return text.toString();
    }

    /** One line: {@code ALERT by n1: CRITICAL: node n3 DOWN [incident n3@2031-02-03T04:05:06Z]}. */
    static String line(Notification notification) {
        return notification.kind() + " by " + notification.observer() + ": " + notification.headline()
                + " [incident " + notification.incidentKey() + "]";
    }

    private static void section(StringBuilder text, String title, List<Notification> notifications) {
        text.append(title).append(" (").append(notifications.size()).append("):");
        if (notifications.isEmpty()) {
            text.append("\n  (none)");
        }
        for (int i = 0; i < notifications.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(line(notifications.get(i)));
        }
    }
}
