package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmppMessagesTest {

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
