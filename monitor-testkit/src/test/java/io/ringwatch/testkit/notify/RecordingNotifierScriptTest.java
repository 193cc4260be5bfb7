package io.ringwatch.testkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RecordingNotifierScriptTest {

    @Property
    void theFirstScriptedSendsFailAndTheRestAreRecordedInOrder(
            @ForAll @IntRange(min = 1, max = 20) int failures,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5) Integer> picks) throws Exception {
        List<Notification> samples = SampleNotifications.sampleOfEachKind();
        List<Notification> sent = picks.stream().map(samples::get).toList();
        RecordingNotifier notifier = new RecordingNotifier().failNext(failures);

        int thrown = 0;
        for (Notification notification : sent) {
            try {
                notifier.send(notification);
            } catch (IOException scripted) {
                thrown++;
            }
        }

        int failed = Math.min(failures, sent.size());
        assertThat(thrown).isEqualTo(failed);
        assertThat(notifier.failedAttempts()).isEqualTo(sent.subList(0, failed));
        assertThat(notifier.notifications()).isEqualTo(sent.subList(failed, sent.size()));
    }
}
