package io.ringwatch.notifiers.email;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.ChannelSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings of an email channel, read and checked. The user name and the password are
 * secrets: {@link #toString()} shows neither. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param host the SMTP server
 * @param port its port: 587 by default, 465 with {@code ssl}
 * @param username the user to log in as, or empty to send without logging in
 * @param password the password; present exactly when {@code username} is
 * @param from the sender, {@code ops@example.com} or {@code Ringwatch <ops@example.com>}
 * @param to the recipients, at least one
 * @param starttls whether the plain connection must be upgraded with STARTTLS (refused if the server cannot)
 * @param ssl whether the connection is TLS from the first byte (implicit TLS, "SMTPS")
 * @param timeout how long connecting, and each exchange with the server after it, may take
 */
record EmailSettings(String channel, String host, int port, Optional<String> username, Optional<String> password,
        InternetAddress from, List<InternetAddress> to, boolean starttls, boolean ssl, Duration timeout) {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String FROM = "from";
    static final String TO = "to";
    static final String STARTTLS = "starttls";
    static final String SSL = "ssl";
    static final String TIMEOUT = ChannelSettings.TIMEOUT;
    static final int SUBMISSION_PORT = 587;
    static final int IMPLICIT_TLS_PORT = 465;
    /** A host name, an IPv4 address or an IPv6 address in brackets: nothing that could smuggle a command. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    EmailSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code host}, {@code from} and {@code to} (required), {@code port}, {@code username}
     * and {@code password} (together or not at all), {@code starttls}, {@code ssl} and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     */
    static EmailSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "email",
                Set.of(HOST, PORT, USERNAME, PASSWORD, FROM, TO, STARTTLS, SSL));
        String host = channel.required(HOST);
        if (!HOST_NAME.matcher(host).matches()) {
            throw channel.invalid(HOST, "must be a host name or an IP address (IPv6 in brackets)");
        }
        boolean ssl = flag(channel, SSL, false);
        boolean starttls = flag(channel, STARTTLS, !ssl);
        if (ssl && starttls) {
            throw channel.invalid(STARTTLS, "cannot be true with 'ssl': the connection is already TLS from the start");
        }
        int port = channel.optional(PORT).map(text -> port(channel, text)).orElse(ssl ? IMPLICIT_TLS_PORT : SUBMISSION_PORT);
        Optional<String> username = channel.optional(USERNAME);
        // A password is taken as given: leading or trailing spaces may be part of it.
        Optional<String> password = settings.get(PASSWORD);
        if (password.isPresent() && password.get().isEmpty()) {
            throw channel.invalid(PASSWORD, "is empty; remove it to send without logging in, or give it a value");
        }
        if (username.isPresent() != password.isPresent()) {
            throw channel.invalid(username.isPresent() ? PASSWORD : USERNAME,
                    "is required when '" + (username.isPresent() ? USERNAME : PASSWORD) + "' is set");
        }
        List<InternetAddress> senders = addresses(channel, FROM);
        if (senders.size() != 1) {
            throw channel.invalid(FROM, "must be one e-mail address");
        }
        InternetAddress from = senders.get(0);
        List<InternetAddress> to = addresses(channel, TO);
        return new EmailSettings(settings.channel(), host, port, username, password, from, to, starttls, ssl,
                channel.timeout());
    }

    /** How the connection is protected: {@code STARTTLS}, {@code TLS} or {@code none}. */
    String security() {
        return ssl ? "TLS" : starttls ? "STARTTLS" : "none";
    }

    /** The domain of the sender's address, for message ids: {@code example.com}. */
    String fromDomain() {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** Shows the channel, the server, the security, the sender and how many recipients; no credential. */
    @Override
    public String toString() {
        return "EmailSettings[channel=" + channel + ", server=" + host + ":" + port + ", security=" + security()
                + ", login=" + username.isPresent() + ", from=" + from.getAddress() + ", recipients=" + to.size()
                + ", timeout=" + timeout + "]";
    }

    private static boolean flag(ChannelSettings channel, String key, boolean fallback) {
        Optional<String> text = channel.optional(key).map(value -> value.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw channel.invalid(key, "must be true or false");
        };
    }

    private static int port(ChannelSettings channel, String text) {
        if (text.matches("\\d{1,5}")) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw channel.invalid(PORT, "must be a port number from 1 to 65535");
    }

    /**
     * A contact's address on the channel: one e-mail address, {@code alice@example.com} or
     * {@code Alice <alice@example.com>}, read and checked as {@code to} is, on one line.
     *
     * @throws IllegalArgumentException naming the channel and the contact, never the address,
     *         if it is not one such address or holds a line break (which could add headers)
     */
    static InternetAddress contactAddress(String channel, Recipient recipient) {
        Function<String, IllegalArgumentException> invalid = problem -> new IllegalArgumentException(
                "channel '" + channel + "': the address of contact '" + recipient.contact() + "' " + problem);
        String text = recipient.address();
        if (text.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw invalid.apply("must be on one line");
        }
        List<InternetAddress> parsed = parse(text, false, invalid);
        if (parsed.size() != 1) {
            throw invalid.apply("must be one e-mail address");
        }
        return parsed.get(0);
    }

    private static List<InternetAddress> addresses(ChannelSettings channel, String key) {
        return parse(channel.required(key), key.equals(TO), problem -> channel.invalid(key, problem));
    }

    /**
     * The addresses in {@code text}, parsed strictly and validated, each of the form name@domain.
     *
     * @param invalid makes the exception from what is wrong ({@code is not an e-mail address (at character 4)}),
     *        which never quotes the text
     */
    private static List<InternetAddress> parse(String text, boolean list, Function<String, IllegalArgumentException> invalid) {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parse(text, true);
            for (InternetAddress address : parsed) {
                address.validate();
            }
        } catch (AddressException e) {
            // Not e.getMessage(): it quotes the text.
            throw invalid.apply("is not " + (list ? "a comma-separated list of e-mail addresses" : "an e-mail address")
                    + (e.getPos() >= 0 ? " (at character " + e.getPos() + ")" : ""));
        }
        if (parsed.length == 0) {
            throw invalid.apply("names no e-mail address");
        }
        for (InternetAddress address : parsed) {
            if (address.isGroup() || !address.getAddress().contains("@")) {
                throw invalid.apply("must hold addresses of the form name@domain");
            }
        }
        return List.of(parsed);
    }
}
