package io.ringwatch.notifiers.console;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Provides the {@code console} channel, which writes each notification to standard output; a
 * notification for a contact ends its headline with {@code → alice}, the contact's name (the
 * contact's address on the channel is not used or shown). Settings, both optional:
 * <ul>
 *   <li>{@code stream}: {@code stdout} (default) or {@code stderr};</li>
 *   <li>{@code format}: {@code text} (default; {@link io.ringwatch.api.Notification#text()}:
 *       the headline, who saw it and why, the incident) or {@code headline} (one line).</li>
 * </ul>
 * Values are read ignoring case and surrounding blanks; an unknown value or an unknown setting
 * is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class ConsoleNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "console";

    private final Supplier<PrintStream> stdout;
    private final Supplier<PrintStream> stderr;

    /** Writes to {@link System#out} and {@link System#err}, as they are at each send. */
    public ConsoleNotifierProvider() {
        this(() -> System.out, () -> System.err);
    }

    /** Writes to these streams instead, for tests. */
    ConsoleNotifierProvider(Supplier<PrintStream> stdout, Supplier<PrintStream> stderr) {
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a console notifier named after the channel.
     *
     * @throws IllegalArgumentException naming the channel and the setting if {@code stream} or
     *         {@code format} has a value not listed above, or a setting is unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        ConsoleSettings console = ConsoleSettings.from(Objects.requireNonNull(settings, "settings"));
        return new ConsoleNotifier(console, console.stream() == ConsoleSettings.Stream.STDERR ? stderr : stdout);
    }

    @Override
    public String toString() {
        return "ConsoleNotifierProvider[" + ID + "]";
    }
}
