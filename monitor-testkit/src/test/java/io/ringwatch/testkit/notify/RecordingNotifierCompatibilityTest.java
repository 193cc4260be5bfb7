package io.ringwatch.testkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The recording notifier")
class RecordingNotifierCompatibilityTest extends NotifierCompatibilityKit {
    private static final String CHANNEL = "kit-recording";
    private static final String TOKEN = "rec-s3cr3t-token";

    @AfterEach
    void forgetChannels() {
        RecordingNotifierProvider.reset();
    }

    @Override
    protected NotifierProvider provider() {
        return new RecordingNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of(CHANNEL, Map.of("token", TOKEN));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        NotificationsAssert.assertThat(RecordingNotifierProvider.channel(CHANNEL)).contains(sent);
    }

    @Override
    protected String sampleAddress() {
        return "alice@example.org";
    }

    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        assertThat(RecordingNotifierProvider.channel(CHANNEL).notificationsTo("alice")).contains(sent);
        assertThat(RecordingNotifierProvider.channel(CHANNEL).recipients()).extracting(Recipient::address).contains(address);
        assertThat(RecordingNotifierProvider.channel(CHANNEL).notificationsToTheChannel()).doesNotContain(sent);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    @Override
    protected void makeChannelFail() {
        RecordingNotifierProvider.channel(CHANNEL).failAlways();
    }
}
