package io.ringwatch.notifiers.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.ringwatch.api.Notification;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A GreenMail SMTP server on 127.0.0.1 and a free port, with one user who must log in. */
final class MailServer {
    static final String USER = "ringwatch-smtp";
    static final String PASSWORD = "pa55-w0rd-9f3e";
    static final String MAILBOX = "ops@example.com";
    static final String FROM = "Ringwatch <ringwatch@example.com>";
    static final String TO = "ops@example.com, oncall@example.org";
    private static final long WAIT_MS = 5_000;

    private MailServer() {
    }

    /** An SMTP server ({@code protocol} {@code smtp} or {@code smtps}), fresh for each test. */
    static GreenMailExtension extension(String protocol) {
        return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, USER, PASSWORD));
    }

    /** The mail that carries {@code sent}, waiting (bounded) for it to arrive. */
    static MimeMessage received(GreenMailExtension server, Notification sent) throws Exception {
        server.waitForIncomingEmail(WAIT_MS, 1);
        List<MimeMessage> all = Arrays.asList(server.getReceivedMessages());
        Optional<MimeMessage> match = carrying(all, sent).stream().reduce((first, last) -> last);
        assertThat(match).as("a mail of kind %s with subject '%s' among %d received", sent.kind(), sent.headline(),
                all.size()).isPresent();
        return match.get();
    }

    /** The mails among {@code mails} that carry {@code sent}: of its kind, with its headline as the subject. */
    static List<MimeMessage> carrying(List<MimeMessage> mails, Notification sent) throws Exception {
        List<MimeMessage> carrying = new ArrayList<>();
        for (MimeMessage mail : mails) {
            if (sent.kind().name().equals(mail.getHeader(EmailMessage.KIND, null))
                    && sent.headline().equals(mail.getSubject())) {
                carrying.add(mail);
            }
        }
        return carrying;
    }
}
