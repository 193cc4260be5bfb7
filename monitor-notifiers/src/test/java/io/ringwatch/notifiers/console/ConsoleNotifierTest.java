package io.ringwatch.notifiers.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The console notifier")
class ConsoleNotifierTest extends NotifierCompatibilityKit {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private PrintStream stdout = new PrintStream(written, true, UTF_8);
    private final PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);

    @Override
    protected NotifierProvider provider() {
        return new ConsoleNotifierProvider(() -> stdout, () -> stderr);
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("console", Map.of("stream", "stdout", "format", "text"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        assertThat(written.toString(UTF_8)).contains(sent.text() + System.lineSeparator());
    }

    /** Any value: the console shows the contact's name, never the address. */
    @Override
    protected String sampleAddress() {
        return "alice-desk-7731";
    }

    /** Written with the contact's name after the headline, and neither the address nor the text without the name. */
    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        String output = written.toString(UTF_8);
        String rest = sent.text().substring(sent.headline().length());
        assertThat(output).contains(sent.headline() + " → alice" + rest + System.lineSeparator())
                .doesNotContain(address)
                .doesNotContain(sent.text() + System.lineSeparator());
    }

    /** Standard output breaks, as when the pipe it writes to is closed. */
    @Override
    protected void makeChannelFail() {
        stdout = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        }, true, UTF_8);
    }
}
