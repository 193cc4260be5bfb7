package io.ringwatch.notifiers.console;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes each notification to a print stream, as text or as its headline, followed by a line
 * separator. The stream is looked up at every send, so {@link System#setOut} takes effect.
 * Thread-safe: each notification is written by one {@code println}, which {@link PrintStream}
 * does atomically. Closing leaves the stream open: it is not the notifier's.
 */
final class ConsoleNotifier implements Notifier {
    private final ConsoleSettings settings;
    private final Supplier<PrintStream> stream;

    ConsoleNotifier(ConsoleSettings settings, Supplier<PrintStream> stream) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    @Override
    public String name() {
        return settings.channel();
    }

    /**
     * Writes the notification.
     *
     * @throws IOException if the stream reports an error ({@link PrintStream#checkError()}),
     *         such as a closed pipe
     * @throws NullPointerException if {@code notification} is null
     */
    @Override
    public void send(Notification notification) throws IOException {
        String text = settings.format().render(Objects.requireNonNull(notification, "notification"));
        PrintStream out = stream.get();
        out.println(text);
        if (out.checkError()) {
            throw new IOException("channel '" + settings.channel() + "': could not write to "
                    + settings.stream().settingValue());
        }
    }

    @Override
    public String toString() {
        return "ConsoleNotifier[channel=" + settings.channel() + ", stream=" + settings.stream().settingValue()
                + ", format=" + settings.format().name().toLowerCase(Locale.ROOT) + "]";
    }
}
