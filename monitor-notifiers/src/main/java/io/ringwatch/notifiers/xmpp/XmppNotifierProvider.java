package io.ringwatch.notifiers.xmpp;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code xmpp} channel, which sends each notification as an XMPP chat message from
 * a bot account to one or more people (Jabber IDs). Settings:
 * <ul>
 *   <li>{@code jid} (required): the bot's account, {@code ringwatch@example.org}; with
 *       {@code /resource} to bind that resource, else the server chooses one;</li>
 *   <li>{@code password} (required): the account's password. A secret: never shown;</li>
 *   <li>{@code to} (required): the recipients' JIDs, separated by commas;</li>
 *   <li>{@code host} and {@code port} (optional, default port 5222): connect there instead of
 *       where the domain's {@code _xmpp-client._tcp} SRV record points; a port alone connects to
 *       the JID's domain;</li>
 *   <li>{@code security} (optional, default {@code required}): STARTTLS {@code required},
 *       {@code ifpossible} (used when the server offers it) or {@code disabled};</li>
 *   <li>{@code trust} (optional): the path of a file of CA certificates (PEM or DER), trusted
 *       instead of the JVM's CAs: for a private CA, or a server's self-signed certificate;</li>
 *   <li>{@code insecure-trust} (optional, default {@code false}): {@code true} accepts any
 *       certificate for any name. Dangerous: anyone on the path can read the password. For
 *       tests and labs only;</li>
 *   <li>{@code timeout} (optional, default 10 s): how long one delivery may take, connecting
 *       and logging in included;</li>
 *   <li>{@code receive} (optional, default {@code false}): {@code true} also receives people's
 *       chat messages to the bot and answers them; the sender is known by its bare JID.</li>
 * </ul>
 * An unknown setting is rejected. Channel URLs: {@code xmpps://user:password@host[:port]/to1/to2}
 * ({@link #settingsOf}). A contact's address on the channel is a bare JID, to which a
 * notification for that contact is sent instead of {@code to}. Thread-safe, as are the notifiers
 * it makes.
 */
public final class XmppNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "xmpp";

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes an xmpp notifier named after the channel. It connects at its first send, not now.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         {@code jid}, {@code password} or {@code to} is missing, a JID is malformed,
     *         {@code port}, {@code security}, {@code insecure-trust}, {@code receive} or {@code timeout} is not
     *         one of the values allowed, the {@code trust} file cannot be read or holds no
     *         certificate, or a setting is unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new XmppNotifier(XmppSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code xmpps://...} requires STARTTLS, {@code xmpp://...} uses it when the server offers it. */
    @Override
    public Set<String> urlSchemes() {
        return XmppUrl.SCHEMES;
    }

    /**
     * Reads {@code xmpps://user:password@host[:port]/to1/to2[?trust=...&timeout=10s&receive=true]}: see
     * {@link XmppUrl}.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        return XmppUrl.settingsOf(url);
    }

    @Override
    public String toString() {
        return "XmppNotifierProvider[" + ID + "]";
    }
}
