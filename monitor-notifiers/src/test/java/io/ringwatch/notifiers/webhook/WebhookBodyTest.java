package io.ringwatch.notifiers.webhook;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {
    private static final Instant SENT_AT = Instant.ofEpochSecond(-1, 876_543_211);

    @Test
    void replacesHalfACharacterWithTheReplacementCharacter() {
        String reason = "cut emoji \uD83D and a stray low half \uDE80, whole: \uD83D\uDEA8";

        String body = new String(WebhookBody.of(sampleAlert().toBuilder().reason(reason).build(), SENT_AT), UTF_8);

        assertThat(body).contains("\"reason\":\"cut emoji \uFFFD and a stray low half \uFFFD, whole: 🚨\"");
    }

    @Test
    void writesANoticeAboutTheObserverWithItsOwnKey() {
        String body = new String(WebhookBody.of(sampleNotice(), SENT_AT), UTF_8);

        assertThat(body).contains("\"kind\":\"NOTICE\"", "\"severity\":\"WARNING\"", "\"target\":\"n1\"",
                "\"service\":null", "\"transition\":\"UP→DEGRADED\"", "\"sentAt\":\"1969-12-31T23:59:59.876543211Z\"",
                "\"incidentKey\":\"n1@2031-02-03T04:05:06.789Z\"");
    }

    @Test
    void writesAnAcknowledgementWithItsKindTheIncidentsKeyAndWhoAcknowledgedAsTheReason() {
        String body = new String(WebhookBody.of(sampleAcknowledgement(), SENT_AT), UTF_8);

        assertThat(body).isEqualTo("{\"kind\":\"ACKNOWLEDGED\",\"severity\":\"CRITICAL\",\"target\":\"n3/orders-api\","
                + "\"node\":\"n3\",\"service\":\"orders-api\",\"transition\":\"DOWN→DOWN\",\"previousStatus\":\"DOWN\","
                + "\"status\":\"DOWN\",\"reason\":\"acknowledged by alice: Ok, I got this one\",\"observedBy\":\"n1\","
                + "\"since\":\"2031-02-03T04:05:06.789Z\",\"createdAt\":\"2031-02-03T04:17:06.789Z\","
                + "\"sentAt\":\"1969-12-31T23:59:59.876543211Z\",\"incidentKey\":\"n3/orders-api@2031-02-03T04:05:06.789Z\","
                + "\"headline\":\"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\","
                + "\"text\":\"CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z\\n"
                + "acknowledged by alice: Ok, I got this one\\nincident n3/orders-api@2031-02-03T04:05:06.789Z\"}");
    }
}
