package io.ringwatch.samples.host;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The support desk's screen: writes each notification as one line,
 *
 * <pre>
 * [ops-desk] 12:03:41 CRITICAL: node n3 DOWN  (seen by n2: connection refused; incident n3@2026-11-24T12:03:40.112Z)
 * </pre>
 *
 * the prefix, the time it was made (local time of day), the headline, then who saw it, why, and
 * the incident key. The stream is looked up at every send, so
 * {@link System#setOut} takes effect. Thread-safe: each line is one {@code println}. Closing
 * leaves the stream open: it is not the notifier's.
 */
final class DeskNotifier implements Notifier {
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DeskSettings settings;
    private final Supplier<PrintStream> stream;
    private final ZoneId zone;

    DeskNotifier(DeskSettings settings, Supplier<PrintStream> stream, ZoneId zone) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String name() {
        return settings.channel();
    }

    /**
     * Writes the notification's line.
     *
     * @throws IOException if the stream reports an error, such as a closed pipe
     * @throws NullPointerException if {@code notification} is null
     */
    @Override
    public void send(Notification notification) throws IOException {
        String line = line(Objects.requireNonNull(notification, "notification"));
        PrintStream out = stream.get();
        out.println(line);
        if (out.checkError()) {
            throw new IOException("channel '" + settings.channel() + "': could not write to "
                    + settings.stream().settingValue());
        }
    }

    /** The line for one notification, without a line end. */
    String line(Notification notification) {
        // LocalTime.ofInstant works for every instant, even those a zoned formatter cannot show.
        String time = TIME_OF_DAY.format(LocalTime.ofInstant(notification.at(), zone).truncatedTo(ChronoUnit.SECONDS));
        StringBuilder line = new StringBuilder("[").append(settings.prefix()).append("] ").append(time).append(' ')
                .append(notification.headline()).append("  (");
        if (notification.kind() == NotificationKind.NOTICE) {
            line.append("from ").append(notification.observer()); // a notice's headline is its reason
        } else {
            line.append("seen by ").append(notification.observer());
            if (!notification.reason().isEmpty()) {
                line.append(": ").append(notification.reason());
            }
        }
        return line.append("; incident ").append(notification.incidentKey()).append(')').toString();
    }

    @Override
    public String toString() {
        return "DeskNotifier[channel=" + settings.channel() + ", stream=" + settings.stream().settingValue() + "]";
    }
}
