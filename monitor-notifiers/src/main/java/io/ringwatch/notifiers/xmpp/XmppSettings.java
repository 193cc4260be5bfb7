package io.ringwatch.notifiers.xmpp;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.EntityJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The settings of an xmpp channel, read and checked. The password is a secret:
 * {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param jid the bot's account, such as {@code ringwatch@example.org}
 * @param resource the resource to bind, or empty to let the server choose one (so that several
 *        nodes can share the account)
 * @param password the account's password
 * @param recipients whom each notification goes to, at least one, without duplicates
 * @param host the host to connect to instead of the domain's SRV record, or empty
 * @param port the port on {@code host}
 * @param security whether STARTTLS is required, used when offered, or never used
 * @param trust which server certificates are accepted
 * @param timeout how long one delivery may take, connecting and logging in included
 * @param receive whether the channel also receives chat messages sent to the bot
 */
record XmppSettings(String channel, EntityBareJid jid, Optional<Resourcepart> resource, String password,
        List<EntityJid> recipients, Optional<String> host, int port, SecurityMode security, XmppTrust trust,
        Duration timeout, boolean receive) {
    static final String JID = "jid";
    static final String PASSWORD = "password";
    static final String TO = "to";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String SECURITY = "security";
    static final String TRUST = "trust";
    static final String INSECURE_TRUST = "insecure-trust";
    static final String RECEIVE = "receive";
    static final String TIMEOUT = ChannelSettings.TIMEOUT;
    static final int DEFAULT_PORT = 5222;
    static final Set<String> KEYS = Set.of(JID, PASSWORD, TO, HOST, PORT, SECURITY, TRUST, INSECURE_TRUST, RECEIVE);

    XmppSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(password, "password");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code jid}, {@code password} and {@code to} (required), {@code host}, {@code port}
     * (default 5222), {@code security} (default {@code required}), {@code trust} or
     * {@code insecure-trust}, {@code timeout} (default 10 s) and {@code receive} (default false).
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         a setting is missing, malformed or unknown
     */
    static XmppSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "xmpp", KEYS);
        EntityJid account = jidOf(channel, JID, channel.required(JID));
        String password = settings.get(PASSWORD).orElse("");
        if (password.isBlank()) {
            throw channel.invalid(PASSWORD, password.isEmpty() ? "is required" : "is blank");
        }
        List<EntityJid> recipients = recipientsOf(channel);
        Optional<String> host = channel.optional(HOST);
        host.ifPresent(name -> checkHost(channel, name));
        int port = channel.optional(PORT).map(text -> portOf(channel, text)).orElse(DEFAULT_PORT);
        if (host.isEmpty() && channel.optional(PORT).isPresent()) {
            host = Optional.of(account.getDomain().toString()); // a port without a host: the JID's domain, no SRV lookup
        }
        Optional<Resourcepart> resource = account instanceof EntityFullJid full
                ? Optional.of(full.getResourcepart()) : Optional.empty();
        return new XmppSettings(settings.channel(), account.asEntityBareJid(), resource, password, recipients, host,
                port, securityOf(channel), trustOf(channel), channel.timeout(), flagOf(channel, RECEIVE));
    }

    /** The account's JID as given, with its resource if it had one. */
    String account() {
        return resource.map(part -> jid + "/" + part).orElse(jid.toString());
    }

    /** Shows everything but the password. */
    @Override
    public String toString() {
        return "XmppSettings[channel=" + channel + ", jid=" + account() + ", to=" + recipients + ", server="
                + server() + ", security=" + security + ", trust=" + trust + ", timeout=" + timeout
                + (receive ? ", receive=true" : "") + "]";
    }

    /** Where the channel connects: {@code host:port}, or {@code SRV of example.org}. */
    String server() {
        return host.map(name -> (name.contains(":") ? "[" + name + "]" : name) + ":" + port)
                .orElse("SRV of " + jid.getDomain());
    }

    private static List<EntityJid> recipientsOf(ChannelSettings channel) {
        Set<EntityJid> recipients = new LinkedHashSet<>();
        String[] parts = channel.required(TO).split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                throw channel.invalid(TO, "has an empty address at position " + (i + 1)
                        + "; separate addresses with one comma");
            }
            recipients.add(jidOf(channel, TO, part));
        }
        return List.copyOf(recipients);
    }

    /**
     * A contact's address on the channel: a bare JID, {@code alice@example.org}, checked as the
     * JIDs of {@code to} are.
     *
     * @throws IllegalArgumentException naming the channel and the contact, never the address, if
     *         it is not a JID of the form user@domain (a resource included)
     */
    static EntityBareJid contactJid(String channel, Recipient recipient) {
        return parseJid(recipient.address()).filter(EntityBareJid.class::isInstance).map(EntityBareJid.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("channel '" + channel + "': the address of contact '"
                        + recipient.contact() + "' is not a bare JID of the form user@domain"));
    }

    private static EntityJid jidOf(ChannelSettings channel, String key, String text) {
        return parseJid(text).orElseThrow(() -> channel.invalid(key,
                (key.equals(TO) ? "holds an address that " : "") + "is not a JID of the form user@domain"));
    }

    /** {@code user@domain} or {@code user@domain/resource}; nothing blank, no spaces or control characters. */
    private static Optional<EntityJid> parseJid(String text) {
        int at = text.indexOf('@');
        boolean shaped = at > 0 && at < text.length() - 1 && text.codePoints().noneMatch(
                c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c));
        if (!shaped) {
            return Optional.empty();
        }
        try {
            return Optional.of(JidCreate.entityFrom(text));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty(); // the exception's message quotes the text
        }
    }

    private static void checkHost(ChannelSettings channel, String host) {
        long colons = host.chars().filter(c -> c == ':').count();
        boolean shaped = colons != 1 // one colon is host:port; an IPv6 address has several
                && host.codePoints().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || ".-:_".indexOf(c) >= 0));
        if (!shaped) {
            throw channel.invalid(HOST, "must be a host name or an IP address, without a scheme or a port "
                    + "(the port is the setting 'port')");
        }
    }

    private static int portOf(ChannelSettings channel, String text) {
        if (text.matches("\\d{1,5}")) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw channel.invalid(PORT, "must be a port number from 1 to 65535");
    }

    private static SecurityMode securityOf(ChannelSettings channel) {
        String text = channel.optional(SECURITY).orElse("required").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "required" -> SecurityMode.required;
            case "ifpossible" -> SecurityMode.ifpossible;
            case "disabled" -> SecurityMode.disabled;
            default -> throw channel.invalid(SECURITY, "must be one of required, ifpossible, disabled");
        };
    }

    /** A setting that is {@code true} or {@code false} (any case), false when not given. */
    private static boolean flagOf(ChannelSettings channel, String key) {
        return switch (channel.optional(key).orElse("false").toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw channel.invalid(key, "must be true or false");
        };
    }

    private static XmppTrust trustOf(ChannelSettings channel) {
        boolean insecure = flagOf(channel, INSECURE_TRUST);
        Optional<String> file = channel.optional(TRUST);
        if (insecure && file.isPresent()) {
            throw channel.invalid(INSECURE_TRUST, "cannot be true together with setting 'trust': give one of them");
        }
        if (insecure) {
            return new XmppTrust.Insecure();
        }
        return file.<XmppTrust>map(path -> XmppTrustFile.read(channel, TRUST, path)).orElseGet(XmppTrust.SystemCas::new);
    }
}
