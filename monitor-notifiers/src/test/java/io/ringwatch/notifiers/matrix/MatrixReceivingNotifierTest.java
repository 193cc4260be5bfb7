package io.ringwatch.notifiers.matrix;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/** The compatibility kit again, for a matrix channel that also receives: it sends as one that does not. */
@DisplayName("The matrix notifier that receives")
class MatrixReceivingNotifierTest extends MatrixNotifierTest {

    @Override
    protected NotifierSettings workingSettings() {
        NotifierSettings sending = super.workingSettings();
        Map<String, String> settings = new HashMap<>();
        sending.keys().forEach(key -> settings.put(key, sending.require(key)));
        settings.put("receive", "true");
        return NotifierSettings.of("ops-matrix", settings);
    }
}
