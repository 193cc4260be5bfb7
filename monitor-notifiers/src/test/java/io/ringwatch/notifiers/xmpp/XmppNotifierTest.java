package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** The compatibility kit, with the notifier sending to a person on a real Prosody server. */
@DisplayName("The xmpp notifier")
class XmppNotifierTest extends NotifierCompatibilityKit {
    private static final String BOT_PASSWORD = "bot-pw-kit-4f1c";
    private static final String WRONG_PASSWORD = "not-the-bot-pw-77e2";
    private static final String HUMAN_PASSWORD = "human-pw-kit-9a0d";
    private static final String CONTACT_PASSWORD = "contact-pw-kit-2e6b";

    private static ProsodyServer prosody;
    private static Inbox human;
    /** A contact with an address of its own on the channel: not among the channel's recipients. */
    private static Inbox contact;

    /** Set by {@link #makeChannelFail()}: the notifier then logs in with a wrong password. */
    private boolean wrongPassword;

    @BeforeAll
    static void startProsody(@TempDir Path dir) throws Exception {
        prosody = ProsodyServer.start(dir, Map.of("bot", BOT_PASSWORD, "human", HUMAN_PASSWORD,
                "contact", CONTACT_PASSWORD));
        human = Inbox.of(prosody, "human", HUMAN_PASSWORD);
        contact = Inbox.of(prosody, "contact", CONTACT_PASSWORD);
    }

    @AfterAll
    static void stopProsody() throws InterruptedException {
        if (human != null) {
            human.close();
        }
        if (contact != null) {
            contact.close();
        }
        if (prosody != null) {
            prosody.close();
        }
    }

    @BeforeEach
    void emptyTheInboxes() {
        human.clear();
        contact.clear();
    }

    @Override
    protected NotifierProvider provider() {
        return new XmppNotifierProvider();
    }

    /** Over STARTTLS (the default, required), trusting the test server's own certificate. */
    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-xmpp", Map.of(
                "jid", "bot@" + ProsodyServer.DOMAIN,
                "password", wrongPassword ? WRONG_PASSWORD : BOT_PASSWORD,
                "to", "human@" + ProsodyServer.DOMAIN,
                "host", "127.0.0.1",
                "port", Integer.toString(prosody.port()),
                "trust", prosody.certificate().toString(),
                "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) throws Exception {
        Message message = human.next();
        assertThat(message.getBody()).isEqualTo(sent.text());
        assertThat(message.getFrom().asBareJid().toString()).isEqualTo("bot@" + ProsodyServer.DOMAIN);
        assertThat(message.getType()).isEqualTo(Message.Type.chat);
        assertThat(message.getThread()).isEqualTo(XmppThreads.of(sent.incidentKey()));
    }

    @Override
    protected String sampleAddress() {
        return "contact@" + ProsodyServer.DOMAIN;
    }

    /** The contact got the message; the channel's own recipient got nothing. */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) throws Exception {
        Message message = contact.next();
        assertThat(message.getBody()).isEqualTo(sent.text());
        assertThat(message.getTo().asBareJid().toString()).isEqualTo(address);
        assertThat(message.getFrom().asBareJid().toString()).isEqualTo("bot@" + ProsodyServer.DOMAIN);
        assertThat(message.getType()).isEqualTo(Message.Type.chat);
        assertThat(message.getThread()).isEqualTo(XmppThreads.of(sent.incidentKey()));
        human.assertNothingCameBefore(contact);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(BOT_PASSWORD, WRONG_PASSWORD);
    }

    /** The server refuses the login: the notifier has a wrong password. */
    @Override
    protected void makeChannelFail() {
        wrongPassword = true;
    }
}
