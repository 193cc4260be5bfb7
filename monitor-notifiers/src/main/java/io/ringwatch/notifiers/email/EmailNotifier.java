package io.ringwatch.notifiers.email;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Mails each notification ({@link EmailMessage}) through the channel's SMTP server with Angus
 * Mail: one connection per notification, STARTTLS (required, not merely tried) or implicit
 * TLS with the server's name checked against its certificate, and a login when a user name is
 * set. Connecting and each exchange with the server after it are bounded by the channel's
 * timeout. A failure makes {@link #send} throw an {@link IOException} whose message names the
 * channel, the server and what went wrong, but never the user name or the password; the
 * library's exception is not attached, as its messages are not ours to vouch for. A
 * notification for a contact ({@link #send(Notification, Recipient)}) is mailed to the contact's
 * address alone, which no message shows.
 *
 * <p>Thread-safe: sends may overlap, each on its own connection. {@link #close()} is
 * idempotent; a send after it throws {@link IllegalStateException}.
 */
final class EmailNotifier implements Notifier {
    private static final int MAX_DETAIL = 200;

    private final EmailSettings settings;
    private final Clock clock;
    private final Session session;
    private volatile boolean closed;

    EmailNotifier(EmailSettings settings, Clock clock, Map<String, Object> extraProperties) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Properties properties = properties(settings);
        properties.putAll(extraProperties);
        // Not Session.getDefaultInstance: that one is shared by the whole JVM.
        this.session = Session.getInstance(properties);
    }

    @Override
    public String name() {
        return settings.channel();
    }

    /**
     * Mails the notification to every recipient and returns once the server has accepted it.
     *
     * @throws IOException if the server cannot be reached, does not answer within the timeout,
     *         refuses the login, STARTTLS or the message
     * @throws InterruptedException if the calling thread is interrupted before sending starts
     * @throws IllegalStateException if the notifier is closed
     * @throws NullPointerException if {@code notification} is null
     */
    @Override
    public void send(Notification notification) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        mail(notification, settings.to(), Optional.empty());
    }

    /** True: a contact's address on an email channel is an e-mail address. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /** Empty if {@code address} is one e-mail address; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        try {
            EmailSettings.contactAddress(name(), new Recipient("contact", address));
            return Optional.empty();
        } catch (IllegalArgumentException wrong) {
            return Optional.of("must be one e-mail address, on one line");
        }
    }

    /**
     * Mails the notification to the contact's address only, instead of the channel's recipients,
     * and returns once the server has accepted it.
     *
     * @throws IllegalArgumentException if the address is not one e-mail address or holds a line
     *         break; the message names the contact, never the address
     * @throws IOException as {@link #send(Notification)}; the message names the contact where the
     *         server refused the address, and never shows the address
     * @throws InterruptedException if the calling thread is interrupted before sending starts
     * @throws IllegalStateException if the notifier is closed
     * @throws NullPointerException if an argument is null
     */
    @Override
    public void send(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        InternetAddress to = EmailSettings.contactAddress(name(), Objects.requireNonNull(recipient, "recipient"));
        mail(notification, List.of(to), Optional.of(recipient));
    }

    private void mail(Notification notification, List<InternetAddress> to, Optional<Recipient> contact)
            throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("channel '" + name() + "' is closed");
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("channel '" + name() + "': interrupted before sending");
        }
        try {
            MimeMessage mail = EmailMessage.of(session, settings, notification, to, clock.instant());
            Transport transport = session.getTransport("smtp");
            try {
                if (settings.username().isPresent()) {
                    transport.connect(settings.host(), settings.port(), settings.username().get(), settings.password().get());
                } else {
                    transport.connect(settings.host(), settings.port(), null, null);
                }
                transport.sendMessage(mail, mail.getAllRecipients());
            } finally {
                closeQuietly(transport);
            }
        } catch (MessagingException e) {
            throw failure(e, contact.isPresent() ? hidden(to, contact.get()) : List.of(), contact);
        }
    }

    /**
     * Says QUIT and closes. A failure here comes after the server took the mail (or after the
     * failure that is being reported): it must not turn a delivery into a failure, which the
     * engine would retry into a duplicate.
     */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
    }

    /** Refuses further sends; nothing is held open between sends. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "EmailNotifier[channel=" + name() + ", server=" + server() + ", security=" + settings.security()
                + ", login=" + settings.username().isPresent() + ", from=" + settings.from().getAddress()
                + ", recipients=" + settings.to().size() + ", timeout=" + settings.timeout() + "]";
    }

    private static Properties properties(EmailSettings settings) {
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        properties.put("mail.smtp.ssl.enable", Boolean.toString(settings.ssl()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        // Without "required" a man in the middle who strips STARTTLS gets the password in clear.
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.from", settings.from().getAddress());
        return properties;
    }

    /**
     * The failure to throw, naming the contact if there is one, with the {@code hidden} addresses
     * cut out of what the server said.
     */
    private IOException failure(MessagingException e, List<String> hidden, Optional<Recipient> contact) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String prefix = "channel '" + name() + "': ";
        if (root instanceof SocketTimeoutException) {
            return new SocketTimeoutException(prefix + "the SMTP server " + server() + " did not answer within "
                    + settings.timeout().toMillis() + " ms");
        }
        if (e instanceof AuthenticationFailedException) {
            return new IOException(prefix + "the SMTP server " + server() + " refused the login"
                    + detail(e.getMessage(), hidden));
        }
        if (e instanceof SendFailedException) {
            return new IOException(prefix + "the SMTP server " + server() + " refused the message"
                    + contact.map(recipient -> " to contact " + recipient.contact()).orElse("") + ": "
                    + root.getClass().getSimpleName() + detail(firstLine(root.getMessage()), hidden));
        }
        return new IOException(prefix + "could not send through the SMTP server " + server() + ": "
                + e.getClass().getSimpleName() + detail(firstLine(e.getMessage()), hidden)
                + (root == e ? "" : " (" + root.getClass().getSimpleName()
                        + detail(firstLine(root.getMessage()), hidden) + ")"));
    }

    /**
     * {@code ": text"} with the credentials and the {@code hidden} addresses (in any case, as a
     * server may write them) cut out, on one line, at most {@value #MAX_DETAIL} characters; empty for none.
     */
    private String detail(String text, List<String> hidden) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String redacted = text.replaceAll("\\s+", " ").strip();
        for (String secret : new String[] {settings.password().orElse(""), settings.username().orElse("")}) {
            if (!secret.isEmpty()) {
                redacted = redacted.replace(secret, "…");
            }
        }
        for (String address : hidden) {
            redacted = Pattern.compile(Pattern.quote(address), Pattern.CASE_INSENSITIVE).matcher(redacted)
                    .replaceAll("…");
        }
        return ": " + (redacted.length() > MAX_DETAIL ? redacted.substring(0, MAX_DETAIL) + "…" : redacted);
    }

    /** A contact's address as given and as the server may quote it: {@code alice@example.com}. */
    private static List<String> hidden(List<InternetAddress> to, Recipient contact) {
        List<String> hidden = new ArrayList<>(List.of(contact.address()));
        to.forEach(address -> hidden.add(address.getAddress()));
        return hidden;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        // A MessagingException's message goes on with ";\n  nested exception is: ..." and the cause.
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replaceFirst(";$", "");
    }

    private String server() {
        return settings.host() + ":" + settings.port();
    }
}
