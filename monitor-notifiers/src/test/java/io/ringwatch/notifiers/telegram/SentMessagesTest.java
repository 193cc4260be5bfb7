package io.ringwatch.notifiers.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentMessagesTest {
    private final SentMessages sent = new SentMessages();

    @Test
    void findsAnIncidentByChatAndMessageId() {
        sent.remember("5566778899", 42, "n3/orders-api@2031-02-03T04:05:06.789Z");

        assertThat(sent.incidentOf("5566778899", 42)).contains("n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(sent.incidentOf("-1001234567890", 42)).isEmpty();
        assertThat(sent.incidentOf("5566778899", 43)).isEmpty();
    }

    @Test
    void keepsOnlyTheLastThousand() {
        for (int id = 1; id <= SentMessages.CAPACITY + 5; id++) {
            sent.remember("1", id, "incident-" + id);
        }

        assertThat(sent.size()).isEqualTo(SentMessages.CAPACITY);
        assertThat(sent.incidentOf("1", 5)).isEmpty();
        assertThat(sent.incidentOf("1", 6)).contains("incident-6");
        assertThat(sent.incidentOf("1", SentMessages.CAPACITY + 5)).contains("incident-1005");
        assertThat(sent).hasToString("SentMessages[1000]");
    }
}
