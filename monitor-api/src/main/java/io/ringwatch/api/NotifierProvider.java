package io.ringwatch.api;

import java.util.Map;
import java.util.Set;

/**
 * Makes notifiers of one kind. Providers are found with {@link java.util.ServiceLoader}:
 * declare yours in {@code META-INF/services/io.ringwatch.api.NotifierProvider} and, in a
 * modular jar, with {@code provides io.ringwatch.api.NotifierProvider with ...}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Needs a public no-argument constructor; constructing must be cheap and free of I/O.</li>
 *   <li>{@link #id()} is unique among all providers on the class path: two providers with one
 *       id stop the engine from starting.</li>
 *   <li>{@link #create} validates the settings and fails with a message that names the
 *       channel and the setting at fault, never its value.</li>
 *   <li>Thread-safe: the engine may create several notifiers from one provider.</li>
 * </ul>
 */
public interface NotifierProvider {

    /**
     * The provider's id: lower-case letters, digits and dashes, such as {@code slack} or
     * {@code pagerduty}. Channels name it to say which kind of notifier they want.
     */
    String id();

    /**
     * Makes a notifier for one channel.
     *
     * @param settings the channel's name and settings
     * @return a notifier ready to send
     * @throws IllegalArgumentException if a setting is missing or invalid
     */
    Notifier create(NotifierSettings settings);

    /**
     * The schemes of the channel URLs this provider reads, such as {@code tgram} for
     * {@code tgram://TOKEN/CHAT_ID}: a channel may then be given as one URL instead of settings.
     * None by default. Schemes are lower case and unique among all providers, as ids are.
     */
    default Set<String> urlSchemes() {
        return Set.of();
    }

    /**
     * The settings a channel URL of one of {@link #urlSchemes()} stands for; {@link #create}
     * then makes the notifier from them.
     *
     * @param url the whole URL, such as {@code tgram://123456:ABC-token/-1001234}; it holds secrets
     * @return the settings, as if they had been given one by one
     * @throws IllegalArgumentException if the URL is not of the expected form: the message says
     *         what the form is and never quotes the URL
     */
    default Map<String, String> settingsOf(String url) {
        throw new IllegalArgumentException("channels of provider '" + id() + "' cannot be given as a URL");
    }
}
