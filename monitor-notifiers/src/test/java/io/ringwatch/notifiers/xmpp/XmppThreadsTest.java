package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmppThreadsTest {

    @Test
    void knowsTheIncidentOfAThreadItSentIn() {
        XmppThreads threads = new XmppThreads();
        threads.sent("n3/orders-api@2031-02-03T04:05:06.789Z");

        assertThat(threads.incidentOf(XmppMessages.threadOf("n3/orders-api@2031-02-03T04:05:06.789Z")))
                .contains("n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(threads.incidentOf("unknown")).isEmpty();
        assertThat(threads.incidentOf(null)).isEmpty();
    }

    @Test
    void keepsTheMostRecentlyUsedThreadsOnly() {
        XmppThreads threads = new XmppThreads();
        threads.sent("first");
        for (int i = 0; i < XmppThreads.CAPACITY - 1; i++) {
            threads.sent("incident-" + i);
        }
        threads.sent("first"); // sent again: kept
        threads.sent("one more");

        assertThat(threads.incidentOf(XmppMessages.threadOf("first"))).contains("first");
        assertThat(threads.incidentOf(XmppMessages.threadOf("incident-0"))).as("the oldest went").isEmpty();
        assertThat(threads.incidentOf(XmppMessages.threadOf("one more"))).contains("one more");
        assertThat(threads).hasToString("XmppThreads[1000 of 1000]");
    }
}
