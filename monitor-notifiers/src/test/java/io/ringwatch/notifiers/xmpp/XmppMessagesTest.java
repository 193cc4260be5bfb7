package io.ringwatch.notifiers.xmpp;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithLongestValues;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class XmppMessagesTest {

    @Test
    void givesEveryMessageOfAnIncidentOneThread() {
        String thread = XmppMessages.threadOf(sampleAlert().incidentKey());

        assertThat(XmppMessages.threadOf(sampleRecovery().incidentKey())).isEqualTo(thread);
        assertThat(XmppMessages.threadOf(sampleWithLongestValues().incidentKey())).isNotEqualTo(thread);
        assertThat(UUID.fromString(thread).version()).as("a name-based UUID").isEqualTo(3);
        assertThat(thread).isEqualTo("38acaa5f-e8b7-3a5e-80bf-014ff6065bf8");
    }

    @Test
    void keepsTextThatXmlCanCarry() {
        String text = "CRITICAL: Grüße \"q\" <b>&amp;</b>\tC:\\srv\r\n日本語 🚨👩‍💻";

        assertThat(XmppMessages.bodyOf(text)).isEqualTo(text);
    }

    @Test
    void replacesWhatXmlCannotCarry() {
        assertThat(XmppMessages.bodyOf("a\u0000b\u001Bc\uD83Dd\uDE00e\uFFFEf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf");
    }
}
