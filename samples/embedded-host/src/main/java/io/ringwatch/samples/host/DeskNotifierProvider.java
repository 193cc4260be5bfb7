package io.ringwatch.samples.host;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Provides the {@code desk} channel: the support desk's screen, one clear line per
 * notification on standard output. This is the part of the sample to copy for a notifier of
 * your own: a public provider with a no-argument constructor, registered in
 * {@code META-INF/services/io.ringwatch.api.NotifierProvider} (and in {@code module-info.java}),
 * so that the engine finds it by its id:
 *
 * <pre>{@code
 * MonitorEngine.builder()
 *         ...
 *         .channel("desk", "ops-desk", Map.of("prefix", "ops"))
 *         .build();
 * }</pre>
 *
 * Settings, both optional:
 * <ul>
 *   <li>{@code prefix}: what each line starts with, in brackets; the channel's name unless set;</li>
 *   <li>{@code stream}: {@code stdout} (default) or {@code stderr}.</li>
 * </ul>
 * or one channel URL, {@code desk://STREAM[?prefix=TEXT]}: {@code desk://stderr?prefix=night%20shift}.
 * Thread-safe, as are the notifiers it makes.
 */
public final class DeskNotifierProvider implements NotifierProvider {
    /** The provider's id, which channels name to get a desk notifier. */
    public static final String ID = "desk";

    private final Supplier<PrintStream> stdout;
    private final Supplier<PrintStream> stderr;

    /** Writes to {@link System#out} or {@link System#err}, as they are at each send. */
    public DeskNotifierProvider() {
        this(() -> System.out, () -> System.err);
    }

    /** Writes to these streams instead: for tests. */
    DeskNotifierProvider(Supplier<PrintStream> stdout, Supplier<PrintStream> stderr) {
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a desk notifier named after the channel, showing times in the system's time zone.
     *
     * @throws IllegalArgumentException naming the channel and the setting if a setting is
     *         unknown or its value is not allowed
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        DeskSettings desk = DeskSettings.from(Objects.requireNonNull(settings, "settings"));
        Supplier<PrintStream> stream = desk.stream() == DeskSettings.Stream.STDERR ? stderr : stdout;
        return new DeskNotifier(desk, stream, ZoneId.systemDefault());
    }

    /** {@code desk://stdout}, {@code desk://stderr?prefix=night%20shift}. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of(DeskSettings.SCHEME);
    }

    /**
     * Reads {@code desk://STREAM[?prefix=TEXT]} into the settings {@code stream} and
     * {@code prefix}; {@link #create} then checks them.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        return DeskSettings.settingsOf(Objects.requireNonNull(url, "url"));
    }

    @Override
    public String toString() {
        return "DeskNotifierProvider[" + ID + "]";
    }
}
