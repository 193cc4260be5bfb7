package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmppNotifierProviderTest {
    private static final String PASSWORD = "pa55-w0rd-provider-e81b";
    /** A self-signed CA certificate (its key is thrown away): what a {@code trust} file holds. */
    static final String CA_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBjjCCATWgAwIBAgIUHNDQONs1X6YIExLpLF44YxrAW+4wCgYIKoZIzj0EAwIw
            HDEaMBgGA1UEAwwRY2EucmluZ3dhdGNoLnRlc3QwIBcNMjYxMTI0MTQwNDE0WhgP
            MjEyNjEwMzExNDA0MTRaMBwxGjAYBgNVBAMMEWNhLnJpbmd3YXRjaC50ZXN0MFkw
            EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZyX8/W8QdobHw029S+2zDBuS3liS+Bw4
            h7UChtWJcEAZYKIsbRu/O1PwTVl1ZHhW/gPo8YyhSKZtl385hI8C66NTMFEwHQYD
            VR0OBBYEFHJuyJ4SPCpFhAHJ+jBkev1tRZLbMB8GA1UdIwQYMBaAFHJuyJ4SPCpF
            hAHJ+jBkev1tRZLbMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIg
            RevHRM4nGMg6JCG7EFNPE/oKQz+1VRbXxcNTnBQoM8ECIC6G+AaBaXnlno94A29q
            vDKlkjLWhW5aEfDoD3IjrtI5
            -----END CERTIFICATE-----
            """;

    private final XmppNotifierProvider provider = new XmppNotifierProvider();

    @Test
    void showsEverythingButThePassword() {
        NotifierSettings settings = settings(Map.of("to", "alice@example.org, bob@example.net", "host", "xmpp.example.org",
                "port", "5223"));

        assertThat(provider.create(settings)).hasToString("XmppNotifier[channel=ops-xmpp, jid=ringwatch@example.org, "
                + "to=[alice@example.org, bob@example.net], server=xmpp.example.org:5223, security=required, "
                + "trust=system CAs, timeout=PT10S]");
        assertThat(String.join("\n", settings.toString(), XmppSettings.from(settings).toString(), provider.toString(),
                provider.create(settings).name())).doesNotContain(PASSWORD);
    }

    @Test
    void findsTheServerThroughTheDomainsSrvRecordByDefault() {
        XmppSettings read = XmppSettings.from(settings(Map.of()));

        assertThat(read.host()).isEmpty();
        assertThat(read.server()).isEqualTo("SRV of example.org");
        assertThat(read.port()).isEqualTo(5222);
        assertThat(read.security()).isEqualTo(SecurityMode.required);
        assertThat(read.trust()).isInstanceOf(XmppTrust.SystemCas.class);
        assertThat(read.resource()).isEmpty();
        assertThat(read.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void connectsToTheJidsDomainWhenOnlyAPortIsGiven() {
        XmppSettings read = XmppSettings.from(settings(Map.of("port", "15222")));

        assertThat(read.host()).contains("example.org");
        assertThat(read.server()).isEqualTo("example.org:15222");
    }

    @Test
    void keepsThePasswordExactlyAsGiven() {
        assertThat(XmppSettings.from(settings(Map.of("password", "  spaced out  "))).password()).isEqualTo("  spaced out  ");
    }

    @Test
    void bindsTheResourceOfAFullJid() {
        XmppSettings read = XmppSettings.from(settings(Map.of("jid", "ringwatch@example.org/node-3")));

        assertThat(read.jid().toString()).isEqualTo("ringwatch@example.org");
        assertThat(read.resource().map(Object::toString)).isEqualTo(Optional.of("node-3"));
        assertThat(read.account()).isEqualTo("ringwatch@example.org/node-3");
    }

    @Test
    void sendsToEachRecipientOnce() {
        XmppSettings read = XmppSettings.from(settings(Map.of("to", "alice@example.org,bob@example.org, alice@example.org")));

        assertThat(read.recipients()).extracting(Object::toString).containsExactly("alice@example.org", "bob@example.org");
    }

    @ParameterizedTest
    @CsvSource({"required, required", "IfPossible, ifpossible", " disabled , disabled"})
    void readsTheSecurityIgnoringCase(String value, SecurityMode expected) {
        assertThat(XmppSettings.from(settings(Map.of("security", value))).security()).isEqualTo(expected);
    }

    @Test
    void trustsTheCertificatesOfAPemOrDerFile(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("two.pem"), CA_PEM + CA_PEM);
        Path der = Files.write(dir.resolve("one.der"), Base64.getMimeDecoder().decode(
                CA_PEM.replaceAll("-----[A-Z ]+-----", "")));

        assertThat(XmppSettings.from(settings(Map.of("trust", pem.toString()))).trust())
                .hasToString("private CAs (2 certificates)");
        XmppTrust.PrivateCas fromDer = (XmppTrust.PrivateCas) XmppSettings.from(settings(Map.of("trust", der.toString()))).trust();
        assertThat(fromDer.manager().getAcceptedIssuers()).singleElement()
                .satisfies(ca -> assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=ca.ringwatch.test"));
    }

    @Test
    void acceptsAnyCertificateOnlyWhenAskedTo() {
        assertThat(XmppSettings.from(settings(Map.of("insecure-trust", "TRUE"))).trust()).isInstanceOf(XmppTrust.Insecure.class);
        assertThat(XmppSettings.from(settings(Map.of("insecure-trust", "false"))).trust()).isInstanceOf(XmppTrust.SystemCas.class);
    }

    @Test
    void receivesOnlyWhenAskedTo() {
        assertThat(provider.create(settings(Map.of())).receives()).isFalse();
        assertThat(provider.create(settings(Map.of("receive", "false"))).receives()).isFalse();
        Notifier receiving = provider.create(settings(Map.of("receive", "True")));
        assertThat(receiving.receives()).isTrue();
        assertThat(receiving.toString()).endsWith(", timeout=PT10S, receive=true]");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("receive", "yes"))))
                .withMessage("channel 'ops-xmpp': setting 'receive' must be true or false");
    }

    @Test
    void wantsAContactsJidNormalisedOnAChannelThatReceives() {
        Notifier sending = provider.create(settings(Map.of()));
        Notifier receiving = provider.create(settings(Map.of("receive", "true")));

        assertThat(sending.addressProblem("Alice@Example.org")).isEmpty();
        assertThat(receiving.addressProblem(" alice@example.org ")).isEmpty();
        assertThat(receiving.addressProblem("Alice@Example.org")).contains(
                "must be a bare JID written as XMPP normalises it, in lower case: alice@example.org");
        assertThat(receiving.addressProblem("alice")).contains("must be a bare JID of the form user@domain");
    }

    @Test
    void refusesToReceiveWhenNotAskedTo() {
        Notifier notifier = provider.create(settings(Map.of()));

        assertThatIllegalStateException().isThrownBy(() -> notifier.startReceiving(message -> ""))
                .withMessage("channel 'ops-xmpp' does not receive: setting 'receive' is false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jid", "password", "to"})
    void requires(String key) {
        Map<String, String> values = new HashMap<>(values(Map.of()));
        values.remove(key);

        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("ops-xmpp", values)))
                .withMessage("channel 'ops-xmpp': setting '" + key + "' is required");
    }

    @Test
    void rejectsABlankPasswordAsAnUnsetVariableWouldGive() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("password", " "))))
                .withMessage("channel 'ops-xmpp': setting 'password' is blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ringwatch", "@example.org", "ringwatch@", "ring watch@example.org", "ringwatch@exam\tple.org"})
    void rejectsAJidThatIsNotUserAtDomain(String jid) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("jid", jid))))
                .withMessage("channel 'ops-xmpp': setting 'jid' is not a JID of the form user@domain");
    }

    @Test
    void rejectsAMalformedRecipientWithoutShowingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("to", "alice@example.org,bob"))))
                .withMessage("channel 'ops-xmpp': setting 'to' holds an address that is not a JID of the form user@domain");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("to", "alice@example.org,,bob@example.org"))))
                .withMessage("channel 'ops-xmpp': setting 'to' has an empty address at position 2; separate addresses "
                        + "with one comma");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "5222x", "xmpp"})
    void rejectsAPortOutsideOneTo65535(String port) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("port", port))))
                .withMessage("channel 'ops-xmpp': setting 'port' must be a port number from 1 to 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xmpp://example.org", "example.org:5222", "example.org/x", "exämple.org"})
    void rejectsAHostThatIsNotANameOrAnAddress(String host) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("host", host))))
                .withMessageStartingWith("channel 'ops-xmpp': setting 'host' must be a host name or an IP address");
    }

    @Test
    void rejectsAnUnknownSecurity() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("security", "tls"))))
                .withMessage("channel 'ops-xmpp': setting 'security' must be one of required, ifpossible, disabled");
    }

    @Test
    void rejectsInsecureTrustThatIsNotTrueOrFalse() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("insecure-trust", "yes"))))
                .withMessage("channel 'ops-xmpp': setting 'insecure-trust' must be true or false");
    }

    @Test
    void rejectsATrustFileTogetherWithInsecureTrust(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), CA_PEM);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("trust", pem.toString(), "insecure-trust", "true"))))
                .withMessage("channel 'ops-xmpp': setting 'insecure-trust' cannot be true together with setting 'trust': "
                        + "give one of them");
    }

    @Test
    void rejectsATrustFileThatIsMissingOrHoldsNoCertificate(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate", StandardCharsets.UTF_8);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("trust", dir.resolve("missing.pem").toString()))))
                .withMessage("channel 'ops-xmpp': setting 'trust' names no readable file");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("trust", text.toString()))))
                .withMessage("channel 'ops-xmpp': setting 'trust' names a file that holds no certificate: give a PEM or "
                        + "DER file of CA certificates (from a Java truststore: keytool -exportcert -rfc)");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("trust", "ca\u0000.pem"))))
                .withMessage("channel 'ops-xmpp': setting 'trust' is not a valid file path");
    }

    @Test
    void rejectsATimeoutThatIsNotAPositiveDuration() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("timeout", "soon"))))
                .withMessageStartingWith("channel 'ops-xmpp': setting 'timeout' must be a positive duration");
    }

    @Test
    void rejectsAnUnknownSettingSoThatATypoIsNotIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("pasword", PASSWORD))))
                .withMessage("channel 'ops-xmpp': unknown setting 'pasword' for a xmpp channel; known settings: "
                        + "[host, insecure-trust, jid, password, port, receive, security, timeout, to, trust]")
                .withMessageNotContaining(PASSWORD);
    }

    private static NotifierSettings settings(Map<String, String> overrides) {
        return NotifierSettings.of("ops-xmpp", values(overrides));
    }

    private static Map<String, String> values(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("jid", "ringwatch@example.org", "password", PASSWORD,
                "to", "alice@example.org"));
        values.putAll(overrides);
        return values;
    }
}
