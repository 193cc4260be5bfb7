package io.ringwatch.notifiers.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The email notifier")
class EmailNotifierTest extends NotifierCompatibilityKit {
    private static final String WRONG_PASSWORD = "not-the-pa55-w0rd";
    private static final String CONTACTS_DOMAIN = "contacts.example.net";

    @RegisterExtension
    static GreenMailExtension server = MailServer.extension("smtp");

    private boolean wrongPassword;

    @Override
    protected NotifierProvider provider() {
        return new EmailNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-mail", Map.of(
                "host", "127.0.0.1",
                "port", Integer.toString(server.getSmtp().getPort()),
                "username", MailServer.USER,
                "password", wrongPassword ? WRONG_PASSWORD : MailServer.PASSWORD,
                "from", MailServer.FROM,
                "to", MailServer.TO,
                "starttls", "false",
                "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) throws Exception {
        MimeMessage mail = MailServer.received(server, sent);
        // Lines of a mail end in CRLF on the wire; the text is the same.
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(sent.text());
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress(MailServer.FROM));
        assertThat(mail.getRecipients(Message.RecipientType.TO)).containsExactly(InternetAddress.parse(MailServer.TO));
        assertThat(mail.getHeader(EmailMessage.INCIDENT, null)).isEqualTo(sent.incidentKey());
        assertThat(mail.getHeader("References", null)).isEqualTo(MailIds.incident(sent.incidentKey(), "example.com"));
    }

    @Override
    protected String sampleAddress() {
        return "alice@" + CONTACTS_DOMAIN;
    }

    /** One mail in the contact's mailbox, addressed to the contact alone; none in the channel's recipients' mailboxes. */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) throws Exception {
        server.waitForIncomingEmail(5_000, 1);
        List<MimeMessage> atContact = MailServer.carrying(List.of(server.getReceivedMessagesForDomain(CONTACTS_DOMAIN)), sent);
        assertThat(atContact).as("mails for %s at the contact's address", sent.kind()).hasSize(1);
        MimeMessage mail = atContact.get(0);
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(sent.text());
        assertThat(mail.getFrom()).containsExactly(new InternetAddress(MailServer.FROM));
        assertThat(mail.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(address));
        assertThat(mail.getHeader("References", null)).isEqualTo(MailIds.incident(sent.incidentKey(), "example.com"));
        for (String domain : List.of("example.com", "example.org")) {
            assertThat(MailServer.carrying(List.of(server.getReceivedMessagesForDomain(domain)), sent))
                    .as("mails for %s at the channel's own recipients in %s", sent.kind(), domain).isEmpty();
        }
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(MailServer.PASSWORD, WRONG_PASSWORD, MailServer.USER);
    }

    /** The server refuses the login. */
    @Override
    protected void makeChannelFail() {
        wrongPassword = true;
    }
}
