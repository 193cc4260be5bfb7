package io.ringwatch.engine.dispatch;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.OneLine;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier providers available to an engine, by id, and the way to make a channel's
 * {@link Notifier} from them. Immutable and thread-safe.
 *
 * <p>Several providers are normal (one per kind of channel: {@code console}, {@code slack},
 * {@code pagerduty}...), so {@link #discover} treats them as JUnit treats its engines rather
 * than as SLF4J treats its single binding:
 * <ul>
 *   <li>each provider has an id that is unique; two providers with the same id are a hard
 *       error, because a channel naming that id would be ambiguous;</li>
 *   <li>a provider that fails to load (its class is missing or lacks a dependency, its
 *       constructor throws, its {@link NotifierProvider#id() id} throws or is not valid) is
 *       logged at WARN, with its class where it is known, and skipped: the others still work;</li>
 *   <li>finding none is one WARN pointing to {@code docs/notifiers.md}; monitoring goes on;</li>
 *   <li>what was found is logged at DEBUG.</li>
 * </ul>
 *
 * <p>A valid id is lower-case letters, digits and dashes, starting with a letter or a digit
 * ({@code [a-z0-9][a-z0-9-]*}).
 */
public final class NotifierProviders {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierProviders.class);
    private static final Pattern VALID_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String DOCS = "docs/notifiers.md";

    private final SortedMap<String, NotifierProvider> byId;

    private NotifierProviders(SortedMap<String, NotifierProvider> byId) {
        this.byId = Collections.unmodifiableSortedMap(byId);
    }

    /**
     * Finds the providers that {@link java.util.ServiceLoader} sees through {@code loader}:
     * those declared in {@code META-INF/services/io.ringwatch.api.NotifierProvider} and, on
     * the module path, with {@code provides io.ringwatch.api.NotifierProvider with ...}.
     * Providers that fail to load are logged and skipped, as described above.
     *
     * @param loader where to look; {@code null} means the system class loader, as for
     *        {@link java.util.ServiceLoader#load(Class, ClassLoader)}
     * @return the providers found, possibly none
     * @throws IllegalStateException naming the id and both classes if two providers have the same id
     */
    public static NotifierProviders discover(ClassLoader loader) {
        SortedMap<String, NotifierProvider> byId = new TreeMap<>();
        for (NotifierProvider provider : ProviderScan.scan(loader)) {
            readId(provider).ifPresent(id -> register(byId, id, provider));
        }
        if (byId.isEmpty()) {
            LOG.warn("No notifier providers were found, so no notification channel can be created; monitoring goes on. "
                    + "Put monitor-notifiers or a provider of your own on the class path: see {}", DOCS);
        } else {
            LOG.debug("Found notifier providers: {}", describe(byId));
        }
        return new NotifierProviders(byId);
    }

    /**
     * Uses exactly these providers, for tests and for hosts that wire channels by hand. Unlike
     * {@link #discover}, nothing is skipped: a provider given here must be valid.
     *
     * @throws NullPointerException if {@code providers} or one of them is null
     * @throws IllegalArgumentException if a provider's id is null or not valid
     * @throws IllegalStateException naming the id and both classes if two providers have the same id
     */
    public static NotifierProviders of(NotifierProvider... providers) {
        SortedMap<String, NotifierProvider> byId = new TreeMap<>();
        for (NotifierProvider provider : List.of(providers)) {
            String id = provider.id();
            if (!isValidId(id)) {
                throw new IllegalArgumentException("notifier provider " + provider.getClass().getName()
                        + " has an id that is not valid: " + quoted(id) + " (" + idRule() + ")");
            }
            register(byId, id, provider);
        }
        return new NotifierProviders(byId);
    }

    /**
     * Whether {@code id} is a valid provider id: lower-case letters, digits and dashes,
     * starting with a letter or a digit.
     *
     * @param id any text, or {@code null} (not valid)
     */
    public static boolean isValidId(String id) {
        return id != null && VALID_ID.matcher(id).matches();
    }

    /** The ids of the providers, in alphabetical order. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /**
     * The provider with this id.
     *
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<NotifierProvider> find(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Makes a notifier for one channel with the provider that has this id.
     *
     * @param id the provider's id, such as {@code console}
     * @param settings the channel's name and settings, handed to the provider
     * @return the provider's notifier
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if no provider has this id (the message names it and lists
     *         the known ids), or if the provider rejects the settings
     * @throws IllegalStateException if the provider fails in another way or returns no notifier
     */
    public Notifier create(String id, NotifierSettings settings) {
        Objects.requireNonNull(settings, "settings");
        NotifierProvider provider = find(id).orElseThrow(() -> new IllegalArgumentException(
                "channel '" + settings.channel() + "': no notifier provider has the id " + quoted(id)
                        + "; known ids: " + (byId.isEmpty() ? "none (see " + DOCS + ")" : String.join(", ", byId.keySet()))));
        Notifier notifier;
        try {
            notifier = provider.create(settings);
        } catch (IllegalArgumentException rejected) {
            throw rejected;
        } catch (RuntimeException failure) {
            throw new IllegalStateException("channel '" + settings.channel() + "': notifier provider '" + id
                    + "' (" + provider.getClass().getName() + ") failed to create it", failure);
        }
        if (notifier == null) {
            throw new IllegalStateException("channel '" + settings.channel() + "': notifier provider '" + id
                    + "' (" + provider.getClass().getName() + ") returned no notifier");
        }
        return notifier;
    }

    /**
     * Makes a notifier for one channel given as one URL, such as {@code tgram://TOKEN/CHAT_ID}:
     * the provider whose {@link NotifierProvider#urlSchemes()} has the URL's scheme reads the
     * URL into settings and makes the notifier from them.
     *
     * @param channel the channel's name
     * @param url the channel's URL; it holds secrets and is never quoted in a message
     * @throws IllegalArgumentException if no provider reads URLs of this scheme (the message lists
     *         the schemes known), or the provider rejects the URL or its settings
     * @throws IllegalStateException if two providers read the scheme, or the provider fails in another way
     */
    public Notifier createFromUrl(String channel, String url) {
        Objects.requireNonNull(channel, "channel");
        int colon = Objects.requireNonNull(url, "url").indexOf("://");
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        List<NotifierProvider> readers = byId.values().stream().filter(provider -> schemes(provider).contains(scheme)).toList();
        if (readers.isEmpty()) {
            SortedSet<String> known = new TreeSet<>();
            byId.values().forEach(provider -> known.addAll(schemes(provider)));
            throw new IllegalArgumentException("channel '" + channel + "': "
                    + (scheme.isEmpty() ? "the URL has no scheme (such as tgram://...)" : "no notifier provider reads "
                    + quoted(OneLine.of(scheme, 20)) + " URLs") + "; schemes known: " + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        if (readers.size() > 1) {
            throw new IllegalStateException("channel '" + channel + "': notifier providers "
                    + readers.stream().map(NotifierProvider::id).toList() + " all read " + quoted(scheme) + " URLs");
        }
        NotifierProvider provider = readers.get(0);
        Map<String, String> settings;
        try {
            settings = provider.settingsOf(url);
        } catch (IllegalArgumentException rejected) {
            throw new IllegalArgumentException("channel '" + channel + "': " + rejected.getMessage(), rejected);
        }
        return create(provider.id(), NotifierSettings.of(channel, settings));
    }

    private static Set<String> schemes(NotifierProvider provider) {
        try {
            Set<String> schemes = provider.urlSchemes();
            return schemes == null ? Set.of() : schemes;
        } catch (RuntimeException failure) {
            LOG.warn("Notifier provider {} failed to say its URL schemes", provider.getClass().getName(), failure);
            return Set.of();
        }
    }

    /** Shows the ids and the providers' classes. */
    @Override
    public String toString() {
        return "NotifierProviders[" + describe(byId) + "]";
    }

    private static Optional<String> readId(NotifierProvider provider) {
        String className = provider.getClass().getName();
        String id;
        try {
            id = provider.id();
        } catch (RuntimeException | LinkageError failure) {
            LOG.warn("Skipping notifier provider {}: its id() failed: {}", className, ProviderScan.describe(failure));
            LOG.debug("Why the id() of notifier provider {} failed", className, failure);
            return Optional.empty();
        }
        if (!isValidId(id)) {
            LOG.warn("Skipping notifier provider {}: its id {} is not valid ({})", className, quoted(id), idRule());
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static void register(Map<String, NotifierProvider> byId, String id, NotifierProvider provider) {
        NotifierProvider earlier = byId.putIfAbsent(id, provider);
        if (earlier != null) {
            throw new IllegalStateException("Two notifier providers have the id '" + id + "': "
                    + earlier.getClass().getName() + " and " + provider.getClass().getName()
                    + ". Provider ids must be unique: remove one of them from the class path");
        }
    }

    private static String describe(Map<String, NotifierProvider> byId) {
        return byId.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + entry.getValue().getClass().getName() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String quoted(String id) {
        if (id == null) {
            return "null";
        }
        return id.isBlank() ? "(blank)" : "'" + OneLine.of(id, 80) + "'";
    }

    private static String idRule() {
        return "use lower-case letters, digits and '-', starting with a letter or digit";
    }
}
