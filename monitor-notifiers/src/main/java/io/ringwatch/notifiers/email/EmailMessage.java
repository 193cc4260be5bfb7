package io.ringwatch.notifiers.email;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The mail that carries one notification: the headline as the subject, {@link Notification#text()}
 * as a plain-text UTF-8 body, the ids of {@link MailIds} for threading, and headers that filters
 * can use; its priority follows the severity, but is normal for an acknowledgement. Not
 * thread-safe (a {@link MimeMessage} is not); one is made per send.
 */
final class EmailMessage extends MimeMessage {
    /** The incident key, as given (RFC 2047-encoded if it is not ASCII). */
    static final String INCIDENT = "X-Ringwatch-Incident";
    /** {@code ALERT}, {@code RECOVERY}, ... */
    static final String KIND = "X-Ringwatch-Kind";
    /** {@code CRITICAL}, {@code WARNING} or {@code INFORMATION}. */
    static final String SEVERITY = "X-Ringwatch-Severity";

    private final String messageId;

    private EmailMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /**
     * Writes the mail for {@code notification}.
     *
     * @param sentAt the mail's {@code Date}
     * @throws MessagingException if the library refuses a header (not expected: every value is checked or encoded)
     */
    static MimeMessage of(Session session, EmailSettings settings, Notification notification, Instant sentAt)
            throws MessagingException {
        return of(session, settings, notification, settings.to(), sentAt);
    }

    /**
     * Writes the mail for {@code notification} to {@code to} instead of the channel's recipients.
     *
     * @param sentAt the mail's {@code Date}
     * @throws MessagingException if the library refuses a header (not expected: every value is checked or encoded)
     */
    static MimeMessage of(Session session, EmailSettings settings, Notification notification, List<InternetAddress> to,
            Instant sentAt) throws MessagingException {
        String domain = settings.fromDomain();
        EmailMessage mail = new EmailMessage(session, MailIds.message(notification, domain));
        mail.setFrom(settings.from());
        mail.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
        mail.setSentDate(Date.from(sentAt));
        mail.setSubject(notification.headline(), "UTF-8");
        mail.setText(notification.text(), "UTF-8", "plain");
        String incident = MailIds.incident(notification.incidentKey(), domain);
        mail.setHeader("In-Reply-To", incident);
        mail.setHeader("References", incident);
        mail.setHeader(INCIDENT, encoded(notification.incidentKey()));
        mail.setHeader(KIND, notification.kind().name());
        mail.setHeader(SEVERITY, notification.severity().name());
        // RFC 3834: made by a program, so out-of-office replies and the like are not sent back.
        mail.setHeader("Auto-Submitted", "auto-generated");
        mail.setHeader("X-Priority", priority(notification));
        mail.setHeader("Importance", importance(notification));
        mail.saveChanges();
        return mail;
    }

    /** Keeps this notification's own id where the library would make a random one. */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    /** By severity, but normal for an acknowledgement: it asks nothing of anyone, however bad the incident. */
    private static String priority(Notification notification) {
        if (notification.kind() == NotificationKind.ACKNOWLEDGED) {
            return "3 (Normal)";
        }
        return switch (notification.severity()) {
            case CRITICAL -> "1 (Highest)";
            case WARNING -> "3 (Normal)";
            case INFORMATION -> "5 (Lowest)";
        };
    }

    private static String importance(Notification notification) {
        if (notification.kind() == NotificationKind.ACKNOWLEDGED) {
            return "normal";
        }
        return switch (notification.severity()) {
            case CRITICAL -> "high";
            case WARNING -> "normal";
            case INFORMATION -> "low";
        };
    }

    private static String encoded(String text) {
        try {
            return MimeUtility.fold(INCIDENT.length() + 2, MimeUtility.encodeText(text, "UTF-8", "Q"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every Java runtime has UTF-8", e);
        }
    }
}
