package io.ringwatch.notifiers.console;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes each notification to a print stream, as text or as its headline, followed by a line
 * separator; one for a contact has the contact's name at the end of its headline
 * ({@code CRITICAL: orders-api DOWN on node n3 → alice}), never the contact's address. The
 * stream is looked up at every send, so {@link System#setOut} takes effect. Thread-safe: each
 * notification is written by one {@code println}, which {@link PrintStream} does atomically.
 * Closing leaves the stream open: it is not the notifier's.
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
        write(settings.format().render(Objects.requireNonNull(notification, "notification")));
    }

    /** True: a notification for a contact is written with the contact's name, whatever the address. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Writes the notification with {@code → alice} at the end of its headline: the contact's
     * name, not the address, which the console has no use for and which is kept off the screen.
     *
     * @throws IOException if the stream reports an error, as {@link #send(Notification)} does
     * @throws NullPointerException if an argument is null
     */
    @Override
    public void send(Notification notification, Recipient recipient) throws IOException {
        String text = settings.format().render(Objects.requireNonNull(notification, "notification"));
        write(forContact(text, Objects.requireNonNull(recipient, "recipient").contact()));
    }

    /** {@code text} with {@code " → contact"} at the end of its first line, the headline. */
    static String forContact(String text, String contact) {
        int endOfHeadline = text.indexOf('\n');
        String marker = " → " + contact;
        return endOfHeadline < 0 ? text + marker
                : text.substring(0, endOfHeadline) + marker + text.substring(endOfHeadline);
    }

    private void write(String text) throws IOException {
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
