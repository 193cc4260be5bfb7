package io.ringwatch.testkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.ProbeResult;
import org.junit.jupiter.api.Test;

class SampleNotificationsTest {

    @Test
    void offersOneSampleOfEachKind() {
        assertThat(SampleNotifications.sampleOfEachKind()).extracting(Notification::kind)
                .containsExactly(NotificationKind.values());
    }

    @Test
    void keepsOneIncidentKeyForTheWholeIncident() {
        assertThat(SampleNotifications.sampleOfEachKind())
                .filteredOn(n -> n.target().equals(SampleNotifications.TARGET))
                .extracting(Notification::incidentKey)
                .containsOnly(SampleNotifications.INCIDENT_KEY);
    }

    @Test
    void keepsTheAwkwardTextIntact() {
        String reason = SampleNotifications.sampleWithAwkwardText().reason();

        assertThat(reason).contains("\"Service Unavailable\"", "C:\\srv\\orders\\", "<b>&amp;</b>", "日本語", "🚨",
                "👩\u200d💻");
        assertThat(SampleNotifications.sampleWithAwkwardText().text()).contains(reason);
    }

    @Test
    void fillsTheLongestReasonExactlyWithoutCuttingIt() {
        Notification longest = SampleNotifications.sampleWithLongestValues();

        assertThat(longest.reason()).hasSize(ProbeResult.MAX_REASON_LENGTH).endsWith("[end]").doesNotContain("\u2026");
        assertThat(longest.reason().codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE)).isEmpty();
        assertThat(longest.target().node().value()).hasSize(63);
        assertThat(longest.target().service().orElseThrow().value()).hasSize(63);
    }

    @Test
    void returnsEqualValuesOnEveryCall() {
        assertThat(SampleNotifications.sampleAlert()).isEqualTo(SampleNotifications.sampleAlert());
        assertThat(SampleNotifications.sampleWithLongestValues()).isEqualTo(SampleNotifications.sampleWithLongestValues());
    }
}
