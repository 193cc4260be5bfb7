package io.ringwatch.notifiers.email;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.DummySSLSocketFactory;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel over implicit TLS ({@code ssl=true}), against GreenMail's SMTPS on 127.0.0.1. */
class ImplicitTlsDeliveryTest {
    @RegisterExtension
    static GreenMailExtension server = MailServer.extension("smtps");

    @Test
    void deliversOverTlsFromTheFirstByte() throws Exception {
        // GreenMail's certificate is self-signed and names no 127.0.0.1: trusted here, for the test only.
        Map<String, Object> trustTheTestServer = Map.of(
                "mail.smtp.ssl.socketFactory", new DummySSLSocketFactory(),
                "mail.smtp.ssl.checkserveridentity", "false");
        try (Notifier notifier = new EmailNotifierProvider(Clock.systemUTC(), trustTheTestServer).create(settings())) {
            notifier.send(sampleAlert());
        }

        assertThat(MailServer.received(server, sampleAlert()).getSubject()).isEqualTo(sampleAlert().headline());
    }

    @Test
    void refusesAServerCertificateItCannotTrust() {
        try (Notifier notifier = new EmailNotifierProvider().create(settings())) {
            assertThatThrownBy(() -> notifier.send(sampleAlert()))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("channel 'secure-mail': could not send through the SMTP server 127.0.0.1:")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(MailServer.PASSWORD));
        }
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    private static NotifierSettings settings() {
        return NotifierSettings.of("secure-mail", Map.of(
                "host", "127.0.0.1",
                "port", Integer.toString(server.getSmtps().getPort()),
                "ssl", "true",
                "username", MailServer.USER,
                "password", MailServer.PASSWORD,
                "from", MailServer.FROM,
                "to", MailServer.TO,
                "timeout", "5s"));
    }
}
