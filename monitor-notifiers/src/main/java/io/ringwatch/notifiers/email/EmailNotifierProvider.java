package io.ringwatch.notifiers.email;

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
 * Provides the {@code email} channel, which mails each notification through an SMTP server.
 * Settings:
 * <ul>
 *   <li>{@code host} (required): the SMTP server;</li>
 *   <li>{@code port} (optional): 587 by default, 465 with {@code ssl};</li>
 *   <li>{@code username}, {@code password} (optional, together): the login. Secrets, shown nowhere;</li>
 *   <li>{@code from} (required): the sender, {@code ops@example.com} or {@code Ringwatch <ops@example.com>};</li>
 *   <li>{@code to} (required): the recipients, separated by commas;</li>
 *   <li>{@code starttls} (optional, default {@code true} unless {@code ssl}): upgrade the
 *       connection with STARTTLS, and refuse to go on if the server cannot;</li>
 *   <li>{@code ssl} (optional, default {@code false}): TLS from the first byte (port 465);</li>
 *   <li>{@code timeout} (optional, default 10 s): for connecting and for each exchange after it.</li>
 * </ul>
 * As one URL: {@code mailto://user:password@host[:port]/?from=...&to=a@x,b@y} (STARTTLS) or
 * {@code mailtos://...} (implicit TLS); the other settings may be given in the query.
 * An unknown setting is rejected. A contact's address on the channel is an e-mail address, to
 * which a notification for that contact is mailed instead of {@code to}. Thread-safe, as are
 * the notifiers it makes.
 */
public final class EmailNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "email";
    static final String FORM = "mailto://[user:password@]host[:port]/?from=ops@example.com&to=a@example.com,b@example.com";
    private static final String MALFORMED_LOGIN = "the user name or password of the URL has a malformed %-escape";

    private final Clock clock;
    private final Map<String, Object> extraProperties;

    /** Dates mails with the system clock. */
    public EmailNotifierProvider() {
        this(Clock.systemUTC(), Map.of());
    }

    /** Dates mails with this clock and adds these Jakarta Mail session properties, for tests. */
    EmailNotifierProvider(Clock clock, Map<String, Object> extraProperties) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.extraProperties = Map.copyOf(extraProperties);
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes an email notifier named after the channel. No connection is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new EmailNotifier(EmailSettings.from(Objects.requireNonNull(settings, "settings")), clock, extraProperties);
    }

    /** {@code mailto://...} sends with STARTTLS, {@code mailtos://...} with implicit TLS. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("mailto", "mailtos");
    }

    /**
     * Reads {@code mailto://user:password@smtp.example.com:587/?from=ops@example.com&to=a@example.com,b@example.com}.
     * The user name and the password are %-encoded where needed ({@code @} as {@code %40},
     * {@code :} as {@code %3A}); {@code mailtos} sets {@code ssl=true}; the query may hold
     * {@code from}, {@code to}, {@code starttls} and {@code timeout}.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, FORM);
        if (!urlSchemes().contains(parsed.scheme())) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM + " (or mailtos://)");
        }
        if (!parsed.pathParts().isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM + " (no path after the host)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String authority = parsed.authority();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String login = authority.substring(0, at);
            int colon = login.indexOf(':');
            if (colon <= 0 || colon == login.length() - 1) {
                throw new IllegalArgumentException("expected a URL of the form " + FORM + " (user:password before @)");
            }
            settings.put(EmailSettings.USERNAME, ChannelUrl.decode(login.substring(0, colon), MALFORMED_LOGIN));
            settings.put(EmailSettings.PASSWORD, ChannelUrl.decode(login.substring(colon + 1), MALFORMED_LOGIN));
        }
        hostAndPort(authority.substring(at + 1), settings);
        for (String key : parsed.query().keySet()) {
            if (!Set.of(EmailSettings.FROM, EmailSettings.TO, EmailSettings.STARTTLS, EmailSettings.TIMEOUT).contains(key)) {
                throw new IllegalArgumentException("a mailto URL takes the parameters from, to, starttls and timeout; not "
                        + ChannelUrl.quotedKey(key));
            }
            settings.put(key, parsed.query().get(key));
        }
        if (parsed.scheme().equals("mailtos")) {
            settings.put(EmailSettings.SSL, "true");
        }
        return settings;
    }

    @Override
    public String toString() {
        return "EmailNotifierProvider[" + ID + "]";
    }

    private static void hostAndPort(String hostPort, Map<String, String> settings) {
        int colon = hostPort.lastIndexOf(':');
        boolean bracketed = hostPort.startsWith("[");
        if (colon >= 0 && (!bracketed || colon > hostPort.indexOf(']'))) {
            settings.put(EmailSettings.HOST, hostPort.substring(0, colon));
            settings.put(EmailSettings.PORT, hostPort.substring(colon + 1));
        } else {
            settings.put(EmailSettings.HOST, hostPort);
        }
        if (settings.get(EmailSettings.HOST).isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM + " (no host)");
        }
    }

}
