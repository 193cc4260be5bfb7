package io.ringwatch.notifiers.twilio;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleEscalation;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleFlapping;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithLongestValues;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TwiMLTest {
    private static final Optional<URI> ACK = Optional.of(URI.create("https://ringwatch.example.com/ack?call=1&token=t"));

    @Test
    void asksForNoKeypressWhereThereIsNothingToAcknowledge() throws Exception {
        for (Notification notification : List.of(sampleRecovery(), sampleFlapping(), sampleNotice())) {
            assertThat(parse(TwiML.of(notification, ACK)).getElementsByTagName("Gather").getLength())
                    .as(notification.kind().name()).isZero();
        }
        assertThat(parse(TwiML.of(sampleEscalation(), ACK)).getElementsByTagName("Gather").getLength()).isOne();
    }

    @Test
    void readsTheAlertOutAndAsksForAKeyThatGoesToTheAcknowledgementUrl() throws Exception {
        String twiml = TwiML.of(sampleAlert(), ACK);

        assertThat(twiml).isEqualTo("<Response><Gather numDigits=\"1\" action=\"https://ringwatch.example.com/ack?call=1&amp;token=t"
                + "&amp;incident=n3%2Forders-api%402031-02-03T04%3A05%3A06.789Z\" "
                + "method=\"POST\"><Say>CRITICAL: orders-api DOWN on node n3. Seen by n1: connection refused.</Say>"
                + "<Say>Press 1 to acknowledge.</Say></Gather></Response>");
        Element gather = single(parse(twiml).getDocumentElement(), "Gather");
        assertThat(gather.getAttribute("numDigits")).isEqualTo("1");
        assertThat(gather.getAttribute("action")).as("the incident's key goes along, so the keypress acknowledges that one")
                .isEqualTo("https://ringwatch.example.com/ack?call=1&token=t&incident=n3%2Forders-api%402031-02-03T04%3A05%3A06.789Z");
        assertThat(gather.getAttribute("method")).isEqualTo("POST");
        NodeList says = gather.getElementsByTagName("Say");
        assertThat(says.getLength()).isEqualTo(2);
        assertThat(says.item(1).getTextContent()).isEqualTo("Press 1 to acknowledge.");
    }

    @Test
    void withoutAnAcknowledgementUrlOnlySays() throws Exception {
        String twiml = TwiML.of(sampleAlert(), Optional.empty());

        assertThat(twiml).isEqualTo("<Response><Say>CRITICAL: orders-api DOWN on node n3. Seen by n1: connection refused.</Say></Response>");
        assertThat(parse(twiml).getElementsByTagName("Gather").getLength()).isZero();
    }

    @Test
    void aNoticeSaysItsHeadlineOnly() {
        assertThat(TwiML.spoken(sampleNotice())).isEqualTo("WARNING: " + sampleNotice().reason() + ".");
    }

    @Test
    void escapesMarkupAndAmpersandsSoThatTheDocumentStaysValidAndSaysTheTextAsItIs() throws Exception {
        Notification awkward = sampleWithAwkwardText();

        String twiml = TwiML.of(awkward, ACK);

        assertThat(twiml).contains("&lt;b&gt;&amp;amp;&lt;/b&gt;").doesNotContain("<b>");
        Element say = (Element) parse(twiml).getElementsByTagName("Say").item(0);
        assertThat(say.getTextContent()).isEqualTo(TwiML.spoken(awkward)).contains("<b>&amp;</b>", "\"Service Unavailable\"", "日本語", "🚨");
    }

    @Test
    void anAmpersandOrAnAngleBracketInTheReasonIsSpokenNotParsed() throws Exception {
        Notification alert = sampleAlert().toBuilder().reason("HTTP 500 <html> & friends").build();

        Element say = (Element) parse(TwiML.of(alert, Optional.empty())).getElementsByTagName("Say").item(0);

        assertThat(say.getTextContent()).endsWith("Seen by n1: HTTP 500 <html> & friends.");
    }

    @Test
    void charactersXmlCannotHoldAreReplaced() throws Exception {
        Notification alert = sampleAlert().toBuilder().reason("bad \uD800 half and \uFFFE").build();

        Element say = (Element) parse(TwiML.of(alert, ACK)).getElementsByTagName("Say").item(0);

        assertThat(say.getTextContent()).endsWith("bad \uFFFD half and \uFFFD.");
    }

    @Test
    void staysWithinTwiliosLimitHoweverLongTheText() throws Exception {
        Notification longest = sampleWithLongestValues().toBuilder().reason("&<>\"'".repeat(40)).build();
        URI longAck = URI.create("https://ringwatch.example.com/ack?" + "a=1&".repeat(370));

        String twiml = TwiML.of(longest, Optional.of(longAck));

        assertThat(TwiML.leavesRoomFor(longAck)).isTrue();
        assertThat(twiml.length()).isLessThanOrEqualTo(TwiML.MAX_LENGTH);
        assertThat(parse(twiml).getElementsByTagName("Say").item(0).getTextContent()).endsWith("…");
        assertThat(new String(twiml.getBytes(UTF_8), UTF_8)).isEqualTo(twiml);
    }

    @Test
    void anAcknowledgementUrlTooLongForTheDocumentIsNoticed() {
        assertThat(TwiML.leavesRoomFor(URI.create("https://ringwatch.example.com/ack?" + "a=1&".repeat(390)))).isFalse();
    }

    private static Document parse(String twiml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(twiml.getBytes(UTF_8)));
    }

    private static Element single(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        assertThat(found.getLength()).as("<%s> elements", tag).isEqualTo(1);
        return (Element) found.item(0);
    }
}
