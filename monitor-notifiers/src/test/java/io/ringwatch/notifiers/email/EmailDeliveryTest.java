package io.ringwatch.notifiers.email;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleReminder;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the email channel sends to a real SMTP server (GreenMail on 127.0.0.1), and how it fails. */
class EmailDeliveryTest {
    private static final Instant SENT_AT = Instant.parse("2031-02-03T04:05:28Z");

    @RegisterExtension
    static GreenMailExtension server = MailServer.extension("smtp");

    private final Clock clock = Clock.fixed(SENT_AT, ZoneOffset.UTC);
    private Notifier notifier;

    @AfterEach
    void closeNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void mailsTheHeadlineAsSubjectAndTheTextAsAPlainUtf8Body() throws Exception {
        notifier = email(Map.of());

        notifier.send(sampleAlert());

        MimeMessage mail = MailServer.received(server, sampleAlert());
        assertThat(mail.getSubject()).isEqualTo("CRITICAL: orders-api DOWN on node n3");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo("CRITICAL: orders-api DOWN on node n3\n"
                + "seen by n1: connection refused\nincident n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("Ringwatch <ringwatch@example.com>"));
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly("ops@example.com", "oncall@example.org");
        assertThat(mail.getSentDate()).isEqualTo(Date.from(SENT_AT));
    }

    @Test
    void marksTheIncidentKindAndSeverityForFiltersAndAsksForNoAutoReply() throws Exception {
        notifier = email(Map.of());

        notifier.send(sampleAlert());

        MimeMessage mail = MailServer.received(server, sampleAlert());
        assertThat(mail.getHeader(EmailMessage.INCIDENT, null)).isEqualTo("n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(mail.getHeader(EmailMessage.KIND, null)).isEqualTo("ALERT");
        assertThat(mail.getHeader(EmailMessage.SEVERITY, null)).isEqualTo("CRITICAL");
        assertThat(mail.getHeader("X-Priority", null)).isEqualTo("1 (Highest)");
        assertThat(mail.getHeader("Importance", null)).isEqualTo("high");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    }

    @Test
    void threadsTheMailsOfOneIncidentUnderOneIdWhileEachHasItsOwn() throws Exception {
        notifier = email(Map.of());
        for (Notification sent : new Notification[] {sampleAlert(), sampleReminder(), sampleRecovery()}) {
            notifier.send(sent);
        }

        MimeMessage alert = MailServer.received(server, sampleAlert());
        MimeMessage reminder = MailServer.received(server, sampleReminder());
        MimeMessage recovery = MailServer.received(server, sampleRecovery());
        String incident = alert.getHeader("References", null);
        assertThat(incident).matches("<incident\\.[0-9a-f]{32}@example\\.com>");
        for (MimeMessage mail : new MimeMessage[] {alert, reminder, recovery}) {
            assertThat(mail.getHeader("References", null)).isEqualTo(incident);
            assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(incident);
            assertThat(mail.getMessageID()).matches("<ringwatch\\.[0-9a-f]{32}@example\\.com>");
        }
        assertThat(new String[] {alert.getMessageID(), reminder.getMessageID(), recovery.getMessageID(), incident})
                .doesNotHaveDuplicates();
        assertThat(recovery.getHeader("X-Priority", null)).isEqualTo("5 (Lowest)");
    }

    @Test
    void mailsAnAcknowledgementInTheIncidentsThreadWithNormalPriority() throws Exception {
        notifier = email(Map.of());
        notifier.send(sampleAlert());
        notifier.send(sampleAcknowledgement());

        MimeMessage alert = MailServer.received(server, sampleAlert());
        MimeMessage acknowledgement = MailServer.received(server, sampleAcknowledgement());
        assertThat(acknowledgement.getSubject())
                .isEqualTo("CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z");
        assertThat(((String) acknowledgement.getContent()).replace("\r\n", "\n")).isEqualTo(
                "CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\n"
                + "acknowledged by alice: Ok, I got this one\n"
                + "incident n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo(alert.getHeader("References", null));
        assertThat(acknowledgement.getHeader("References", null)).isEqualTo(alert.getHeader("References", null));
        assertThat(acknowledgement.getMessageID()).isNotEqualTo(alert.getMessageID());
        assertThat(acknowledgement.getHeader(EmailMessage.KIND, null)).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledgement.getHeader(EmailMessage.SEVERITY, null)).isEqualTo("CRITICAL");
        assertThat(acknowledgement.getHeader("X-Priority", null)).isEqualTo("3 (Normal)");
        assertThat(acknowledgement.getHeader("Importance", null)).isEqualTo("normal");
    }

    @Test
    void mailsAContactAtTheContactsAddressOnly() throws Exception {
        notifier = email(Map.of());

        notifier.send(sampleAlert(), new Recipient("alice", "Alice Liddell <alice@contacts.example.net>"));

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(server.getReceivedMessages()).singleElement().satisfies(mail -> {
            assertThat(mail.getRecipients(Message.RecipientType.TO))
                    .containsExactly(new InternetAddress("Alice Liddell <alice@contacts.example.net>"));
            assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
            assertThat(mail.getSubject()).isEqualTo("CRITICAL: orders-api DOWN on node n3");
        });
        assertThat(server.getReceivedMessagesForDomain("contacts.example.net")).hasSize(1);
    }

    @Test
    void refusesAContactAddressThatIsNotOneAddressWithoutQuotingIt() {
        notifier = email(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(),
                new Recipient("alice", "alice@contacts.example.net, eve@evil.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'ops-mail': the address of contact 'alice' must be one e-mail address");
        assertThatThrownBy(() -> notifier.send(sampleAlert(),
                new Recipient("alice", "alice@contacts.example.net Bcc: eve@evil.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("channel 'ops-mail': the address of contact 'alice' is not an e-mail address")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("alice@", "eve"));
        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "ops: alice@contacts.example.net;")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("channel 'ops-mail': the address of contact 'alice' ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("alice@"));
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatRefusesTheContactsAddressIsAFailureNamingTheContactButNotTheAddress() throws Exception {
        try (RefusingSmtpServer refusing = RefusingSmtpServer.start()) {
            notifier = email(Map.of("port", Integer.toString(refusing.port())));

            assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("alice", "Alice@Contacts.example.net")))
                    .isInstanceOf(IOException.class)
                    .hasMessage("channel 'ops-mail': the SMTP server 127.0.0.1:" + refusing.port() + " refused the message "
                            + "to contact alice: SMTPAddressFailedException: 550 5.1.1 <…>: Recipient address rejected: "
                            + "User unknown (…)");
        }
    }

    @Test
    void givesTheSameNotificationSentTwiceTheSameMessageIdSoThatAMailboxCanDropTheCopy() throws Exception {
        notifier = email(Map.of());

        notifier.send(sampleAlert());
        notifier.send(sampleAlert());

        // GreenMail keeps one copy per recipient: two mails to two recipients.
        assertThat(server.waitForIncomingEmail(5_000, 4)).isTrue();
        assertThat(server.getReceivedMessages()).extracting(MimeMessage::getMessageID).hasSize(4)
                .containsOnly(server.getReceivedMessages()[0].getMessageID());
    }

    @Test
    void encodesOtherScriptsAndEmojiInTheSubjectAndTheBody() throws Exception {
        notifier = email(Map.of());
        Notification awkward = sampleWithAwkwardText();

        notifier.send(awkward);

        MimeMessage mail = MailServer.received(server, awkward);
        assertThat(mail.getHeader("Subject", null)).as("the raw header is ASCII, RFC 2047").matches("\\p{ASCII}+");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(awkward.text())
                .contains("Grüße, Ελληνικά, 日本語, עברית 🚨🔥👩‍💻");
    }

    @Test
    void logsInWithTheUserAndPasswordForTheServerToCheck() throws Exception {
        // GreenMail takes mail without a login too, but checks a login that is given: the right
        // password delivers and a wrong one is refused, so the notifier did log in.
        notifier = email(Map.of());
        notifier.send(sampleAlert());
        assertThat(MailServer.received(server, sampleAlert())).isNotNull();

        try (Notifier wrong = email(Map.of("password", MailServer.PASSWORD + "x"))) {
            assertThatThrownBy(() -> wrong.send(sampleReminder())).isInstanceOf(IOException.class)
                    .hasMessageContaining("refused the login");
        }
        assertThat(server.getReceivedMessages()).as("the alert, once for each of the two recipients")
                .hasSize(2).allSatisfy(mail -> assertThat(mail.getHeader(EmailMessage.KIND, null)).isEqualTo("ALERT"));
    }

    @Test
    void aWrongPasswordIsAFailureThatShowsNeitherThePasswordNorTheUser() {
        notifier = email(Map.of("password", "wr0ng-pa55-w0rd"));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'ops-mail': the SMTP server 127.0.0.1:" + server.getSmtp().getPort()
                        + " refused the login")
                .hasNoCause()
                .satisfies(e -> assertThat(e.toString()).doesNotContain("wr0ng-pa55-w0rd", MailServer.PASSWORD,
                        MailServer.USER));
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void insistsOnStarttlsWhenItIsOnAndTheServerDoesNotOfferIt() {
        notifier = email(Map.of("starttls", "true"));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .as("no fallback to sending the password in clear")
                .isInstanceOf(IOException.class)
                .hasMessageContaining("STARTTLS")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(MailServer.PASSWORD));
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsNotListeningIsAFailureAtOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        notifier = email(Map.of("port", Integer.toString(closedPort), "timeout", "2s"));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'ops-mail': could not send through the SMTP server 127.0.0.1:" + closedPort)
                .hasMessageContaining("ConnectException")
                .hasNoCause()
                .satisfies(e -> assertThat(e.toString()).doesNotContain(MailServer.PASSWORD, MailServer.USER)));
    }

    @Test
    void aServerThatNeverGreetsIsAFailureAfterTheTimeout() throws Exception {
        // The kernel completes the connection, but nobody reads or writes: SMTP's greeting never comes.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            notifier = email(Map.of("port", Integer.toString(silent.getLocalPort()), "timeout", "300ms"));

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> notifier.send(sampleAlert()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("channel 'ops-mail': the SMTP server 127.0.0.1:" + silent.getLocalPort()
                            + " did not answer within 300 ms"));
        }
    }

    @Test
    void anInterruptedSenderDoesNotStart() {
        notifier = email(Map.of());

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> notifier.send(sampleAlert())).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesToSendOnceClosed() {
        notifier = email(Map.of());
        notifier.close();

        assertThatIllegalStateException().isThrownBy(() -> notifier.send(sampleAlert()))
                .withMessage("channel 'ops-mail' is closed");
        assertThatCode(notifier::close).doesNotThrowAnyException();
    }

    private Notifier email(Map<String, String> overrides) {
        return new EmailNotifierProvider(clock, Map.of()).create(NotifierSettings.of("ops-mail", settings(overrides)));
    }

    private static Map<String, String> settings(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "host", "127.0.0.1",
                "port", Integer.toString(server.getSmtp().getPort()),
                "username", MailServer.USER,
                "password", MailServer.PASSWORD,
                "from", MailServer.FROM,
                "to", MailServer.TO,
                "starttls", "false",
                "timeout", "5s"));
        settings.putAll(overrides);
        return settings;
    }
}
