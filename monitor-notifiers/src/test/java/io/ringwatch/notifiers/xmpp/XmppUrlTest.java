package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.ringwatch.api.NotifierSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmppUrlTest {
    private static final String FORM = "expected a URL of the form xmpps://user:password@host[:port]/to1@example.org/"
            + "to2@example.org[?trust=...&insecure-trust=false&timeout=10s&receive=false]";

    private final XmppNotifierProvider provider = new XmppNotifierProvider();

    @Test
    void readsTheSchemesXmppAndXmpps() {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("xmpp", "xmpps");
    }

    @Test
    void readsTheBotTheRecipientsAndRequiresTlsWithXmpps() {
        assertThat(provider.settingsOf("xmpps://ringwatch:s3cr%2Ft%40%25@example.org/alice@example.org/bob@example.net"))
                .containsExactly(entry("jid", "ringwatch@example.org"), entry("password", "s3cr/t@%"),
                        entry("to", "alice@example.org,bob@example.net"), entry("security", "required"));
    }

    @Test
    void connectsToTheHostAndPortGivenInsteadOfTheSrvRecord() {
        assertThat(provider.settingsOf("xmpps://ringwatch:pw@example.org:5223/alice@example.org"))
                .contains(entry("jid", "ringwatch@example.org"), entry("host", "example.org"), entry("port", "5223"));
    }

    @Test
    void takesAUserThatIsAWholeJidAsTheBotAndTheHostAsWhereToConnect() {
        assertThat(provider.settingsOf("xmpps://ringwatch%40example.org:pw@xmpp.example.net/alice@example.org"))
                .contains(entry("jid", "ringwatch@example.org"), entry("host", "xmpp.example.net"))
                .doesNotContainKey("port");
        assertThat(provider.settingsOf("xmpps://ringwatch%40example.org:pw@[::1]:15222/alice@example.org"))
                .contains(entry("host", "::1"), entry("port", "15222"));
    }

    @ParameterizedTest
    @CsvSource({"xmpp://ringwatch:pw@example.org/a@example.org, ifpossible",
            "xmpp://ringwatch:pw@example.org/a@example.org?security=disabled, disabled",
            "xmpps://ringwatch:pw@example.org/a@example.org?security=required, required"})
    void takesTheSecurityFromTheScheme(String url, String security) {
        assertThat(provider.settingsOf(url)).containsEntry("security", security);
    }

    @Test
    void takesTrustAndTimeoutFromTheQuery() {
        assertThat(provider.settingsOf("xmpps://ringwatch:pw@example.org/a@example.org?trust=/etc/ssl/ca.pem&timeout=5s"))
                .contains(entry("trust", "/etc/ssl/ca.pem"), entry("timeout", "5s"));
        assertThat(provider.settingsOf("xmpps://ringwatch:pw@example.org/a@example.org?insecure-trust=true"))
                .containsEntry("insecure-trust", "true");
    }

    @Test
    void takesReceiveFromTheQuery() {
        assertThat(provider.settingsOf("xmpps://ringwatch:pw@example.org/a@example.org?receive=true"))
                .containsEntry("receive", "true");
        assertThat(provider.settingsOf("xmpps://ringwatch:pw@example.org/a@example.org")).doesNotContainKey("receive");
    }

    @Test
    void makesANotifierFromWhatItReads() {
        NotifierSettings settings = NotifierSettings.of("ops-xmpp",
                provider.settingsOf("xmpps://ringwatch:pw@example.org:5223/alice@example.org/bob@example.org?timeout=5s"));

        assertThat(provider.create(settings)).hasToString("XmppNotifier[channel=ops-xmpp, jid=ringwatch@example.org, "
                + "to=[alice@example.org, bob@example.org], server=example.org:5223, security=required, "
                + "trust=system CAs, timeout=PT5S]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "xmpps://                                                 | ",
            "xmpps://example.org/alice@example.org                    | : the bot's user name and password must come before the host, as user:password@host",
            "xmpps://ringwatch@example.org/alice@example.org          | : the bot's user name and password must come before the host, as user:password@host",
            "xmpps://ringwatch:@example.org/alice@example.org         | : the user name or the password is empty",
            "xmpps://ringwatch:hunter2@example.org                    | : give at least one recipient's JID in the path",
            "xmpps://ringwatch:hunter2@example.org:xmpp/a@example.org | : the port must be a number",
            "xmpps://ringwatch:hunter2@/a@example.org                 | : the host is empty",
            "xmpps://ringwatch:hunter2@[::1/a@example.org             | : an IPv6 address must be written [address] or [address]:port",
            "xmpps://ringwatch:hunter2%zz@example.org/a@example.org   | : the user name or the password has a malformed %-escape",
            "xmpps://ringwatch:hunter2@example.org/a@example.org?pw=1 | : unknown parameter [pw]; known parameters: [insecure-trust, receive, security, timeout, trust]",
            "xmpps://ringwatch:hunter2@example.org/a@example.org?security=disabled | : xmpps:// always requires STARTTLS; for another security, use xmpp://...?security=..."})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith(FORM + (problem == null ? "" : problem))
                .withMessageNotContaining("hunter2");
    }
}
