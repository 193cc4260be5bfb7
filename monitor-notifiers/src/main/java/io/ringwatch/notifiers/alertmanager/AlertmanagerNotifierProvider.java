package io.ringwatch.notifiers.alertmanager;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code alertmanager} channel, which hands each notification to a Prometheus
 * Alertmanager through {@code POST /api/v2/alerts}: Alertmanager then deduplicates, groups,
 * routes, inhibits and silences as it is configured to. Settings:
 * <ul>
 *   <li>{@code url} (required): Alertmanager's base URL, {@code http://alertmanager:9093}, with a
 *       path prefix if it is served under one; {@code /api/v2/alerts} is added;</li>
 *   <li>{@code username} and {@code password} (optional, together): basic authentication;</li>
 *   <li>{@code token} (optional, instead): a bearer token;</li>
 *   <li>{@code generator-url} (optional): the {@code generatorURL} of every alert, such as your status page;</li>
 *   <li>{@code resolve-timeout} (optional, default 24 h): how long an alert stays active when
 *       neither a reminder nor a recovery follows it;</li>
 *   <li>{@code timeout} (optional, default 10 s): how long one delivery may take.</li>
 * </ul>
 * As one URL: {@code alertmanager://[user:password@]host[:port][/prefix][?token=...]} (http, port
 * 9093 by default) or {@code alertmanagers://...} (https, port 443 by default). An unknown
 * setting is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class AlertmanagerNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "alertmanager";
    static final String FORM = "alertmanager://[user:password@]host[:port][/prefix][?token=...&resolve-timeout=24h]";
    private static final String MALFORMED_LOGIN = "the user name or password of the URL has a malformed %-escape";
    static final int DEFAULT_PORT = 9093;

    private final Clock clock;

    /** Stamps alerts with the system clock. */
    public AlertmanagerNotifierProvider() {
        this(Clock.systemUTC());
    }

    /** Stamps alerts ({@code endsAt}) with this clock, for tests. */
    AlertmanagerNotifierProvider(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes an Alertmanager notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed, in conflict with another or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new AlertmanagerNotifier(AlertmanagerSettings.from(Objects.requireNonNull(settings, "settings")), clock);
    }

    /** {@code alertmanager://...} posts over http, {@code alertmanagers://...} over https. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("alertmanager", "alertmanagers");
    }

    /**
     * Reads {@code alertmanager://am.internal:9093}, {@code alertmanagers://user:password@am.example.com/alertmanager}
     * or {@code alertmanagers://am.example.com?token=T}. The user name and the password are
     * %-encoded where needed; the query may hold {@code token}, {@code generator-url},
     * {@code resolve-timeout} and {@code timeout}.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, FORM);
        if (!urlSchemes().contains(parsed.scheme())) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM + " (or alertmanagers://)");
        }
        boolean https = parsed.scheme().equals("alertmanagers");
        Map<String, String> settings = new LinkedHashMap<>();
        String authority = parsed.authority();
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        if (hostPort.isEmpty() || hostPort.startsWith(":")) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM + " (no host)");
        }
        boolean hasPort = hostPort.lastIndexOf(':') > hostPort.lastIndexOf(']');
        String origin = (https ? "https://" : "http://") + hostPort + (hasPort ? "" : ":" + (https ? 443 : DEFAULT_PORT));
        settings.put(AlertmanagerSettings.URL, origin + parsed.path());
        if (at >= 0) {
            String login = authority.substring(0, at);
            int colon = login.indexOf(':');
            if (colon <= 0 || colon == login.length() - 1) {
                throw new IllegalArgumentException("expected a URL of the form " + FORM + " (user:password before @)");
            }
            settings.put(AlertmanagerSettings.USERNAME, ChannelUrl.decode(login.substring(0, colon), MALFORMED_LOGIN));
            settings.put(AlertmanagerSettings.PASSWORD, ChannelUrl.decode(login.substring(colon + 1), MALFORMED_LOGIN));
        }
        Set<String> known = Set.of(AlertmanagerSettings.TOKEN, AlertmanagerSettings.GENERATOR_URL,
                AlertmanagerSettings.RESOLVE_TIMEOUT, AlertmanagerSettings.TIMEOUT);
        for (Map.Entry<String, String> parameter : parsed.query().entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw new IllegalArgumentException("an alertmanager URL takes the parameters token, generator-url, "
                        + "resolve-timeout and timeout; not " + ChannelUrl.quotedKey(parameter.getKey()));
            }
            settings.put(parameter.getKey(), parameter.getValue());
        }
        return settings;
    }

    @Override
    public String toString() {
        return "AlertmanagerNotifierProvider[" + ID + "]";
    }

}
