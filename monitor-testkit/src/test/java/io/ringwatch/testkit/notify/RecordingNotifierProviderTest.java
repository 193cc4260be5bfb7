package io.ringwatch.testkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NotifierSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingNotifierProviderTest {
    private final RecordingNotifierProvider provider = new RecordingNotifierProvider();

    @AfterEach
    void forgetChannels() {
        RecordingNotifierProvider.reset();
    }

    @Test
    void hasTheIdRecording() {
        assertThat(provider.id()).isEqualTo("recording");
    }

    @Test
    void handsTheTestTheNotifierItMadeForTheEngine() {
        var made = provider.create(NotifierSettings.of("ops", Map.of("token", "ignored")));

        assertThat(RecordingNotifierProvider.channel("ops")).isSameAs(made);
        assertThat(made.name()).isEqualTo("ops");
    }

    @Test
    void letsATestScriptAChannelBeforeTheEngineMakesIt() {
        RecordingNotifier scripted = RecordingNotifierProvider.channel("pager").failAlways();

        assertThat(new RecordingNotifierProvider().create(NotifierSettings.empty("pager"))).isSameAs(scripted);
    }

    @Test
    void keepsChannelsApart() {
        assertThat(RecordingNotifierProvider.channel("a")).isNotSameAs(RecordingNotifierProvider.channel("b"));
    }

    @Test
    void makesFreshNotifiersAfterAReset() {
        RecordingNotifier before = RecordingNotifierProvider.channel("ops");

        RecordingNotifierProvider.reset();

        assertThat(RecordingNotifierProvider.channel("ops")).isNotSameAs(before);
    }
}
