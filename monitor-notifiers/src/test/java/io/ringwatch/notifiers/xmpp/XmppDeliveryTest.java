package io.ringwatch.notifiers.xmpp;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the xmpp notifier does against a real Prosody server: TLS, logins, reconnecting, failures. */
class XmppDeliveryTest {
    private static final String BOT = "bot@" + ProsodyServer.DOMAIN;
    private static final String BOT_PASSWORD = "bot-pw-delivery-3b7e";
    private static final String ALICE_PASSWORD = "alice-pw-delivery-51c0";
    private static final String BOB_PASSWORD = "bob-pw-delivery-c2d4";

    private static ProsodyServer prosody;
    private final List<Inbox> inboxes = new ArrayList<>();
    private final List<Notifier> notifiers = new ArrayList<>();
    private Inbox alice;

    @BeforeAll
    static void startProsody(@TempDir Path dir) throws Exception {
        prosody = ProsodyServer.start(dir, Map.of("bot", BOT_PASSWORD, "alice", ALICE_PASSWORD, "bob", BOB_PASSWORD));
    }

    @AfterAll
    static void stopProsody() throws InterruptedException {
        if (prosody != null) {
            prosody.close();
        }
    }

    @BeforeEach
    void aliceIsOnline() throws Exception {
        alice = online("alice", ALICE_PASSWORD);
    }

    @AfterEach
    void closeEverything() {
        notifiers.forEach(Notifier::close);
        inboxes.forEach(Inbox::close);
    }

    @Test
    void sendsTheTextAsAChatMessageFromTheBotInTheIncidentsThread() throws Exception {
        Notifier notifier = notifier(Map.of());
        Notification sent = sampleAlert();

        notifier.send(sent);

        Message message = alice.next();
        assertThat(message.getBody()).isEqualTo("CRITICAL: orders-api DOWN on node n3\nseen by n1: connection refused\n"
                + "incident n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(message.getFrom().asBareJid().toString()).isEqualTo(BOT);
        assertThat(message.getTo().asBareJid().toString()).isEqualTo("alice@" + ProsodyServer.DOMAIN);
        assertThat(message.getType()).isEqualTo(Message.Type.chat);
        assertThat(message.getThread()).isEqualTo(XmppThreads.of(sent.incidentKey()));
    }

    @Test
    void keepsOneLoginForEverySendAndPutsAnIncidentInOneThread() throws Exception {
        Notifier notifier = notifier(Map.of());

        notifier.send(sampleAlert());
        notifier.send(sampleRecovery());

        Message alert = alice.next();
        Message recovery = alice.next();
        // The server gives each login its own resource: one full JID means one connection.
        assertThat(recovery.getFrom().toString()).isEqualTo(alert.getFrom().toString());
        assertThat(recovery.getThread()).isEqualTo(alert.getThread());
        assertThat(recovery.getBody()).startsWith("INFORMATION: orders-api UP on node n3");
    }

    @Test
    void logsInAgainWhenTheServerDroppedTheConnection() throws Exception {
        Notifier notifier = notifier(Map.of());
        notifier.send(sampleAlert());
        Message before = alice.next();

        prosody.restart();
        alice = online("alice", ALICE_PASSWORD);
        notifier.send(sampleRecovery());

        Message after = alice.next();
        assertThat(after.getBody()).startsWith("INFORMATION: orders-api UP on node n3");
        assertThat(after.getFrom().asBareJid().toString()).isEqualTo(BOT);
        assertThat(after.getFrom().toString()).as("a new login has a new resource").isNotEqualTo(before.getFrom().toString());
    }

    @Test
    void sendsToEveryRecipient() throws Exception {
        Inbox bob = online("bob", BOB_PASSWORD);
        Notifier notifier = notifier(Map.of("to", " alice@ringwatch.test , bob@ringwatch.test,alice@ringwatch.test"));

        notifier.send(sampleAlert());

        assertThat(alice.next().getBody()).isEqualTo(sampleAlert().text());
        assertThat(bob.next().getBody()).isEqualTo(sampleAlert().text());
        notifier.send(sampleRecovery());
        assertThat(alice.next().getBody()).as("the duplicate address got one message").isEqualTo(sampleRecovery().text());
    }

    @Test
    void sendsAnAcknowledgementInTheIncidentsThread() throws Exception {
        Notifier notifier = notifier(Map.of());

        notifier.send(sampleAlert());
        notifier.send(sampleAcknowledgement());

        Message alert = alice.next();
        Message acknowledgement = alice.next();
        assertThat(acknowledgement.getBody()).isEqualTo(
                "CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\n"
                + "acknowledged by alice: Ok, I got this one\n"
                + "incident n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(acknowledgement.getType()).isEqualTo(Message.Type.chat);
        assertThat(acknowledgement.getThread()).isEqualTo(alert.getThread());
    }

    @Test
    void sendsToTheContactsJidOnlyOnTheSameLogin() throws Exception {
        Inbox bob = online("bob", BOB_PASSWORD);
        Notifier notifier = notifier(Map.of());
        notifier.send(sampleAlert());
        Message toAlice = alice.next();

        notifier.send(sampleAcknowledgement(), new Recipient("bob", " Bob@RingWatch.test "));

        Message toBob = bob.next();
        assertThat(toBob.getBody()).isEqualTo(sampleAcknowledgement().text());
        assertThat(toBob.getTo().asBareJid().toString()).isEqualTo("bob@" + ProsodyServer.DOMAIN);
        assertThat(toBob.getFrom().toString()).as("one login for both").isEqualTo(toAlice.getFrom().toString());
        alice.assertNothingCameBefore(bob);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "bob@ringwatch.test/phone", "bob@ringwatch.test, alice@ringwatch.test", "@ringwatch.test"})
    void refusesAContactAddressThatIsNotABareJidWithoutQuotingIt(String address) {
        Notifier notifier = notifier(Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("bob", address)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'ops-xmpp': the address of contact 'bob' is not a bare JID of the form user@domain");
    }

    @Test
    void aBounceFromTheContactsJidNamesTheContactButNotTheJid() {
        Notifier notifier = notifier(Map.of());

        // This test server keeps no offline messages: bob, offline, gets none.
        assertThatThrownBy(() -> notifier.send(sampleAlert(), new Recipient("bob", "bob@ringwatch.test")))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-xmpp': the XMPP server refused the message to contact bob: service-unavailable");
    }

    @Test
    void failsWhenTheServerBouncesTheMessageToAnUnknownRecipient() throws Exception {
        Notifier notifier = notifier(Map.of("to", "alice@ringwatch.test,nobody@ringwatch.test"));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-xmpp': the XMPP server refused the message to nobody@ringwatch.test: "
                        + "service-unavailable");
        assertThat(alice.next().getBody()).as("the known recipient still got it").isEqualTo(sampleAlert().text());
    }

    @Test
    void failsWhenTheRecipientIsOffline() throws Exception {
        Notifier notifier = notifier(Map.of("to", "bob@ringwatch.test"));

        // This test server keeps no offline messages, so it bounces them.
        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .hasMessage("channel 'ops-xmpp': the XMPP server refused the message to bob@ringwatch.test: "
                        + "service-unavailable");
    }

    @Test
    void refusesAWrongPasswordWithoutShowingIt() {
        Notifier notifier = notifier(Map.of("password", "wrong-" + BOT_PASSWORD));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'ops-xmpp': the XMPP server refused the login of bot@ringwatch.test: "
                        + "not-authorized")
                .hasMessageNotContaining(BOT_PASSWORD)
                .hasNoCause();
        assertThat(notifier.toString()).doesNotContain(BOT_PASSWORD);
    }

    @Test
    void refusesAServerCertificateThatNoTrustedCaSigned() {
        // The JVM's CAs do not know the test server's self-signed certificate.
        Notifier notifier = notifierWithout("trust", Map.of());

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-xmpp': TLS with the XMPP server at 127.0.0.1:" + prosody.port()
                        + " failed: its certificate is not signed by a CA this channel trusts (system CAs); for a "
                        + "private CA, set 'trust' to the CA's certificate");
        assertThat(alice.isEmpty()).isTrue();
    }

    @Test
    void refusesATrustedCertificateThatNamesAnotherDomain() {
        // The server also hosts elsewhere.test, with the certificate of ringwatch.test.
        Notifier notifier = notifier(Map.of("jid", "bot@" + ProsodyServer.OTHER_DOMAIN));

        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("channel 'ops-xmpp': TLS with the XMPP server at 127.0.0.1:" + prosody.port()
                        + " failed: ")
                .hasMessageContaining(ProsodyServer.OTHER_DOMAIN);
    }

    @Test
    void refusesAServerWithoutStartTlsUnlessSecurityAllowsIt() throws Exception {
        Notifier required = notifier(Map.of("jid", "bot@" + ProsodyServer.PLAIN_DOMAIN));

        assertThatThrownBy(() -> required.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'ops-xmpp': the XMPP server at 127.0.0.1:" + prosody.port() + " does not offer "
                        + "STARTTLS, and setting 'security' is 'required'");
    }

    @Test
    void acceptsAnyCertificateWithInsecureTrust() throws Exception {
        notifierWithout("trust", Map.of("insecure-trust", "true")).send(sampleAlert());

        assertThat(alice.next().getBody()).isEqualTo(sampleAlert().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "ifpossible", "disabled"})
    void deliversWithEachSecurityTheServerAllows(String security) throws Exception {
        // This test server offers STARTTLS but also accepts logins without it.
        notifier(Map.of("security", security)).send(sampleAlert());

        assertThat(alice.next().getBody()).isEqualTo(sampleAlert().text());
    }

    @Test
    void failsAtOnceWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Notifier notifier = notifier(Map.of("port", Integer.toString(closedPort), "timeout", "5s"));

        IOException failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> sendFails(notifier));

        assertThat(failure).hasMessageStartingWith("channel 'ops-xmpp': could not connect to the XMPP server at 127.0.0.1:"
                + closedPort + ": ").hasMessageNotContaining(BOT_PASSWORD);
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerWithinTheTimeout() throws Exception {
        // The socket's backlog completes the TCP handshake, but nothing ever answers.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Notifier notifier = notifier(Map.of("port", Integer.toString(silent.getLocalPort()), "timeout", "700ms"));

            IOException failure = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> sendFails(notifier));

            assertThat(failure).isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("channel 'ops-xmpp': the XMPP server at 127.0.0.1:" + silent.getLocalPort()
                            + " did not take the message within 700 ms");
        }
    }

    @Test
    void deliversAgainAfterAFailedSend() throws Exception {
        Notifier notifier = notifier(Map.of("to", "bob@ringwatch.test"));
        sendFails(notifier); // bob is offline: bounced

        Inbox bob = online("bob", BOB_PASSWORD);
        notifier.send(sampleAlert());

        assertThat(bob.next().getBody()).isEqualTo(sampleAlert().text());
    }

    @Test
    void refusesToSendOnceClosed() throws Exception {
        Notifier notifier = notifier(Map.of());
        notifier.send(sampleAlert());
        alice.next();

        notifier.close();
        notifier.close();

        assertThatIllegalStateException().isThrownBy(() -> notifier.send(sampleAlert()))
                .withMessage("channel 'ops-xmpp' is closed");
    }

    private static IOException sendFails(Notifier notifier) {
        try {
            notifier.send(sampleAlert());
        } catch (IOException expected) {
            return expected;
        } catch (Exception other) {
            throw new AssertionError("expected an IOException", other);
        }
        throw new AssertionError("send returned normally");
    }

    private Inbox online(String user, String password) throws Exception {
        Inbox inbox = Inbox.of(prosody, user, password);
        inboxes.add(inbox);
        return inbox;
    }

    private Notifier notifier(Map<String, String> overrides) {
        return notifierWithout("none", overrides);
    }

    private Notifier notifierWithout(String key, Map<String, String> overrides) {
        Map<String, String> settings = settings(overrides);
        settings.remove(key);
        Notifier notifier = new XmppNotifierProvider().create(NotifierSettings.of("ops-xmpp", settings));
        notifiers.add(notifier);
        return notifier;
    }

    private static Map<String, String> settings(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "jid", BOT,
                "password", BOT_PASSWORD,
                "to", "alice@" + ProsodyServer.DOMAIN,
                "host", "127.0.0.1",
                "port", Integer.toString(prosody.port()),
                "trust", prosody.certificate().toString(),
                "timeout", "5s"));
        settings.putAll(overrides);
        return settings;
    }
}
