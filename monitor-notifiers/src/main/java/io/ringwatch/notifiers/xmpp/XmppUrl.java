package io.ringwatch.notifiers.xmpp;

import io.ringwatch.notifiers.channel.ChannelUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an xmpp channel URL into settings:
 * {@code xmpps://user:password@host[:port]/to1/to2[?trust=...&insecure-trust=...&timeout=10s&receive=true]}.
 * <ul>
 *   <li>{@code xmpps} requires STARTTLS; {@code xmpp} uses it when the server offers it
 *       ({@code security=ifpossible}), or as its {@code security} parameter says;</li>
 *   <li>the bot's JID is {@code user@host}, and the server is found through the SRV record of
 *       {@code host}; with a port, the channel connects to {@code host:port} directly;</li>
 *   <li>a user that is a whole JID, its {@code @} written {@code %40}
 *       ({@code ringwatch%40example.org}), is the bot's JID, and {@code host[:port]} is where to
 *       connect;</li>
 *   <li>the user and the password are %-decoded, as is each recipient in the path.</li>
 * </ul>
 * Errors say what form was expected and never quote the URL. Stateless.
 */
final class XmppUrl {
    static final Set<String> SCHEMES = Set.of("xmpp", "xmpps");
    static final String FORM = "xmpps://user:password@host[:port]/to1@example.org/to2@example.org"
            + "[?trust=...&insecure-trust=false&timeout=10s&receive=false]";
    private static final Set<String> PARAMETERS = Set.of(XmppSettings.SECURITY, XmppSettings.TRUST,
            XmppSettings.INSECURE_TRUST, XmppSettings.TIMEOUT, XmppSettings.RECEIVE);

    private XmppUrl() {
    }

    /** @throws IllegalArgumentException if the URL is not of the form {@link #FORM}; the message never quotes it */
    static Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, FORM);
        if (!SCHEMES.contains(parsed.scheme())) {
            throw wrong("the scheme must be xmpp or xmpps");
        }
        String authority = parsed.authority();
        int at = authority.lastIndexOf('@');
        int colon = at < 0 ? -1 : authority.indexOf(':');
        if (at < 0 || colon < 0 || colon > at) {
            throw wrong("the bot's user name and password must come before the host, as user:password@host");
        }
        String user = decode(authority.substring(0, colon));
        String password = decode(authority.substring(colon + 1, at));
        if (user.isBlank() || password.isEmpty()) {
            throw wrong("the user name or the password is empty");
        }
        String[] hostAndPort = hostAndPort(authority.substring(at + 1));
        List<String> recipients = parsed.pathParts();
        if (recipients.isEmpty()) {
            throw wrong("give at least one recipient's JID in the path");
        }
        Set<String> unknown = new TreeSet<>(parsed.query().keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw wrong("unknown parameter " + unknown + "; known parameters: " + new TreeSet<>(PARAMETERS));
        }

        Map<String, String> settings = new LinkedHashMap<>();
        boolean wholeJid = user.contains("@");
        settings.put(XmppSettings.JID, wholeJid ? user : user + "@" + hostAndPort[0]);
        settings.put(XmppSettings.PASSWORD, password);
        settings.put(XmppSettings.TO, String.join(",", recipients));
        if (wholeJid || hostAndPort[1] != null) {
            settings.put(XmppSettings.HOST, hostAndPort[0]);
        }
        if (hostAndPort[1] != null) {
            settings.put(XmppSettings.PORT, hostAndPort[1]);
        }
        settings.put(XmppSettings.SECURITY, securityOf(parsed));
        for (String key : List.of(XmppSettings.TRUST, XmppSettings.INSECURE_TRUST, XmppSettings.TIMEOUT,
                XmppSettings.RECEIVE)) {
            parsed.parameter(key).ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }

    private static String securityOf(ChannelUrl parsed) {
        String given = parsed.parameter(XmppSettings.SECURITY).orElse(null);
        if (parsed.scheme().equals("xmpps")) {
            if (given != null && !given.equals("required")) {
                throw wrong("xmpps:// always requires STARTTLS; for another security, use xmpp://...?security=...");
            }
            return "required";
        }
        return given == null ? "ifpossible" : given;
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}: the host and the port or null. */
    private static String[] hostAndPort(String text) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                throw wrong("an IPv6 address must be written [address] or [address]:port");
            }
            host = text.substring(1, close);
            port = close + 1 < text.length() ? text.substring(close + 2) : null;
        } else {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw wrong("the host is empty");
        }
        if (port != null && !port.matches("\\d{1,5}")) {
            throw wrong("the port must be a number");
        }
        return new String[] {host, port};
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw wrong("the user name or the password has a malformed %-escape"); // its message quotes the text
        }
    }

    private static IllegalArgumentException wrong(String problem) {
        return new IllegalArgumentException("expected a URL of the form " + FORM + ": " + problem);
    }
}
