package io.ringwatch.notifiers.card;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ringwatch.api.Notification;
import org.junit.jupiter.api.Test;

class ChatCardTest {

    @Test
    void takesTheTextOfANotificationApart() {
        Notification alert = sampleAlert();
        ChatCard card = ChatCard.of(alert);

        assertThat(String.join("\n", card.headline(), card.detail().orElseThrow(), card.incident())).isEqualTo(alert.text());
        assertThat(card.facts()).extracting(ChatCard.Fact::label, ChatCard.Fact::value).containsExactly(
                tuple("Target", "n3/orders-api"),
                tuple("Status", "UP → DOWN"),
                tuple("Seen by", "n1"),
                tuple("Since", "2031-02-03T04:05:06.789Z"));
        assertThat(card.at()).isEqualTo(alert.at());
    }

    @Test
    void aNoticeHasNoDetailBecauseItsHeadlineIsItsReason() {
        Notification notice = sampleNotice();
        ChatCard card = ChatCard.of(notice);

        assertThat(card.detail()).isEmpty();
        assertThat(card.headline() + "\n" + card.incident()).isEqualTo(notice.text());
    }

    @Test
    void coloursBySeverity() {
        assertThat(ChatCard.of(sampleAlert()).hex()).isEqualTo("#D32F2F");
        assertThat(ChatCard.of(sampleWithAwkwardText()).hex()).isEqualTo("#F9A825");
        assertThat(ChatCard.of(sampleRecovery()).hex()).isEqualTo("#2E7D32");
        assertThat(ChatCard.of(sampleRecovery()).rgb()).isEqualTo(0x2E7D32);
        assertThat(ChatCard.of(sampleAcknowledgement()).hex()).as("someone has it; it is not over").isEqualTo("#1976D2");
        assertThat(ChatCard.of(sampleAcknowledgement()).detail()).contains("acknowledged by alice: Ok, I got this one");
    }

    @Test
    void replacesHalfACharacterSoThatTheTextCanBeWrittenAsUtf8() {
        ChatCard card = ChatCard.of(sampleAlert().toBuilder().reason("cut \uD83D here, kept 🚨").build());

        assertThat(card.detail()).contains("seen by n1: cut \uFFFD here, kept 🚨");
    }
}
