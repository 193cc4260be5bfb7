package io.ringwatch.testkit.notify.elsewhere;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotificationsAssert;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import io.ringwatch.testkit.notify.RecordingNotifierProvider;

/**
 * A kit subclass outside the kit's package, as every real one is; run by
 * {@code NotifierCompatibilityKitTest}, not by the build on its own (its name does not end in Test).
 */
public class KitInAnotherPackage extends NotifierCompatibilityKit {
    public static final String CHANNEL = "kit-elsewhere";

    @Override
    protected NotifierProvider provider() {
        return new RecordingNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.empty(CHANNEL);
    }

    @Override
    protected void assertDelivered(Notification sent) {
        NotificationsAssert.assertThat(RecordingNotifierProvider.channel(CHANNEL)).contains(sent);
    }
}
