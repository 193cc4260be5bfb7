package io.ringwatch.testkit.notify;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Provides {@link RecordingNotifier}s under the id {@value #ID}, so that a test can configure
 * a channel of kind {@code recording} the way a user configures {@code slack}, and then look
 * at what the engine sent it. Registered for {@link java.util.ServiceLoader} by the testkit.
 *
 * <p>Each channel name has one shared notifier: {@link #create} and {@link #channel} return the
 * same instance, so a test can script a channel before the engine makes it and read it after.
 * The channels live in a static registry: call {@link #reset()} between tests (or use channel
 * names of their own) so that tests do not see each other's notifications. Settings other than
 * the channel's name are ignored.
 *
 * <p>Thread-safe.
 */
public final class RecordingNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "recording";

    private static final ConcurrentMap<String, RecordingNotifier> CHANNELS = new ConcurrentHashMap<>();

    /** Needed by {@link java.util.ServiceLoader}; all instances share one registry. */
    public RecordingNotifierProvider() {
    }

    /**
     * The notifier of the channel with this name, made now if it does not exist yet.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public static RecordingNotifier channel(String name) {
        return CHANNELS.computeIfAbsent(Objects.requireNonNull(name, "name"), RecordingNotifier::new);
    }

    /** Forgets every channel: later calls make fresh notifiers. */
    public static void reset() {
        CHANNELS.clear();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Returns the shared notifier of {@code settings.channel()}.
     *
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return channel(Objects.requireNonNull(settings, "settings").channel());
    }

    @Override
    public String toString() {
        return "RecordingNotifierProvider[" + ID + "]";
    }
}
