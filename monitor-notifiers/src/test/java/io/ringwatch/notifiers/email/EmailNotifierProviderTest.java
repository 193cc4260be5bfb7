package io.ringwatch.notifiers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNotifierProviderTest {
    private static final String PASSWORD = "s3cr3t-smtp-pass";
    private static final String USER = "mailer@example.com";

    private final EmailNotifierProvider provider = new EmailNotifierProvider();

    @Test
    void sendsOnTheSubmissionPortWithStarttlsByDefault() {
        EmailSettings settings = EmailSettings.from(settings(Map.of()));

        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.starttls()).isTrue();
        assertThat(settings.ssl()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.to()).extracting(address -> address.getAddress()).containsExactly("ops@example.com", "b@example.org");
    }

    @Test
    void usesImplicitTlsOnPort465WithSsl() {
        EmailSettings settings = EmailSettings.from(settings(Map.of("ssl", "true")));

        assertThat(settings.port()).isEqualTo(465);
        assertThat(settings.starttls()).isFalse();
        assertThat(settings.security()).isEqualTo("TLS");
    }

    @Test
    void takesAnExplicitPortAndPlainSmtpForALocalRelay() {
        EmailSettings settings = EmailSettings.from(settings(Map.of("port", "25", "starttls", "no")));

        assertThat(settings.port()).isEqualTo(25);
        assertThat(settings.security()).isEqualTo("none");
    }

    @Test
    void sendsWithoutLoggingInWhenNoUserIsGiven() {
        Map<String, String> values = values(Map.of());
        values.remove("username");
        values.remove("password");

        assertThat(EmailSettings.from(NotifierSettings.of("ops-mail", values)).username()).isEmpty();
    }

    @Test
    void showsNeitherTheUserNorThePassword() {
        NotifierSettings settings = settings(Map.of());

        assertThat(provider.create(settings)).hasToString("EmailNotifier[channel=ops-mail, server=smtp.example.com:587, "
                + "security=STARTTLS, login=true, from=ringwatch@example.com, recipients=2, timeout=PT10S]");
        assertThat(String.join("\n", settings.toString(), EmailSettings.from(settings).toString(), provider.toString()))
                .doesNotContain(PASSWORD, USER, "mailer");
    }

    @Test
    void requiresHostFromAndTo() {
        for (String key : new String[] {"host", "from", "to"}) {
            Map<String, String> values = values(Map.of());
            values.remove(key);
            assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("ops-mail", values)))
                    .withMessage("channel 'ops-mail': setting '" + key + "' is required");
        }
    }

    @Test
    void rejectsABlankSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("host", "  "))))
                .withMessage("channel 'ops-mail': setting 'host' is blank");
    }

    @Test
    void needsTheUserAndThePasswordTogether() {
        Map<String, String> values = values(Map.of());
        values.remove("password");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("ops-mail", values)))
                .withMessage("channel 'ops-mail': setting 'password' is required when 'username' is set");
        values.put("password", PASSWORD);
        values.remove("username");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("ops-mail", values)))
                .withMessage("channel 'ops-mail': setting 'username' is required when 'password' is set");
    }

    @Test
    void rejectsAnUnknownSettingSoThatATypoIsNotIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("recipients", "x@example.com"))))
                .withMessage("channel 'ops-mail': unknown setting 'recipients' for an email channel; known settings: "
                        + "[from, host, password, port, ssl, starttls, timeout, to, username]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "smtp", "-1", "587 "})
    void rejectsAPortThatIsNotAPortNumber(String port) {
        if (port.equals("587 ")) {
            assertThat(EmailSettings.from(settings(Map.of("port", port))).port()).isEqualTo(587);
            return;
        }
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("port", port))))
                .withMessage("channel 'ops-mail': setting 'port' must be a port number from 1 to 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp.example.com\r\nRCPT TO:<x@evil.example>", "smtp example com", "smtp.example.com:25"})
    void rejectsAHostThatIsNotAName(String host) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("host", host))))
                .withMessage("channel 'ops-mail': setting 'host' must be a host name or an IP address (IPv6 in brackets)");
    }

    @Test
    void rejectsAnAddressWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("to", "ops@example.com, nobody-home"))))
                .withMessageStartingWith("channel 'ops-mail': setting 'to' ")
                .withMessageNotContaining("nobody-home");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("from", "a@example.com, b@example.com"))))
                .withMessage("channel 'ops-mail': setting 'from' must be one e-mail address");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("from", "<broken"))))
                .withMessageStartingWith("channel 'ops-mail': setting 'from' is not an e-mail address")
                .withMessageNotContaining("broken");
    }

    @Test
    void rejectsStarttlsOnAConnectionThatIsTlsAlready() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("ssl", "true", "starttls", "true"))))
                .withMessage("channel 'ops-mail': setting 'starttls' cannot be true with 'ssl': the connection is already "
                        + "TLS from the start");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("ssl", "maybe"))))
                .withMessage("channel 'ops-mail': setting 'ssl' must be true or false");
    }

    @Test
    void readsAMailtoUrl() {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("mailto", "mailtos");
        assertThat(provider.settingsOf("mailto://mailer%40example.com:" + PASSWORD + "@smtp.example.com:2525/"
                + "?from=ringwatch@example.com&to=a@example.com,b@example.org&timeout=5s"))
                .containsExactly(Map.entry("username", USER), Map.entry("password", PASSWORD),
                        Map.entry("host", "smtp.example.com"), Map.entry("port", "2525"),
                        Map.entry("from", "ringwatch@example.com"), Map.entry("to", "a@example.com,b@example.org"),
                        Map.entry("timeout", "5s"));
    }

    @Test
    void readsAMailtosUrlAsImplicitTlsAndAUrlWithoutLogin() {
        assertThat(provider.settingsOf("mailtos://smtp.example.com?from=r@example.com&to=a@example.com"))
                .containsExactly(Map.entry("host", "smtp.example.com"), Map.entry("from", "r@example.com"),
                        Map.entry("to", "a@example.com"), Map.entry("ssl", "true"));
        Map<String, String> relay = provider.settingsOf("mailto://[::1]:25?from=r@example.com&to=a@example.com&starttls=false");
        assertThat(relay).containsEntry("host", "[::1]").containsEntry("port", "25").containsEntry("starttls", "false");
        assertThat(EmailSettings.from(NotifierSettings.of("relay", relay)).port()).isEqualTo(25);
    }

    @Test
    void aPasswordMayHoldReservedCharactersEncoded() {
        assertThat(provider.settingsOf("mailto://u:p%40ss%3Aw%2Fo+rd@smtp.example.com?from=r@example.com&to=a@example.com"))
                .containsEntry("password", "p@ss:w/o+rd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto://", "mailto:ops@example.com", "mailto://" + USER + "@smtp.example.com?to=a@example.com",
            "mailto://u:" + PASSWORD + "@smtp.example.com/inbox?to=a@example.com", "mailto://u:" + PASSWORD + "@:25?to=a@example.com",
            "mailto://u:" + PASSWORD + "@smtp.example.com?to=a@example.com&" + PASSWORD,
            "smtp://u:" + PASSWORD + "@smtp.example.com?to=a@example.com"})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .satisfies(e -> assertThat(e.getMessage()).contains("mailto").doesNotContain(PASSWORD, USER, "smtp.example.com"));
    }

    private static NotifierSettings settings(Map<String, String> overrides) {
        return NotifierSettings.of("ops-mail", values(overrides));
    }

    private static Map<String, String> values(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "host", "smtp.example.com",
                "username", USER,
                "password", PASSWORD,
                "from", "Ringwatch <ringwatch@example.com>",
                "to", "ops@example.com, b@example.org"));
        values.putAll(overrides);
        return values;
    }
}
