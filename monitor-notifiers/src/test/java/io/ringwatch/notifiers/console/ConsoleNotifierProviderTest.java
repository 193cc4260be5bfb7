package io.ringwatch.notifiers.console;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleNotifierProviderTest {
    private static final String NL = System.lineSeparator();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ConsoleNotifierProvider provider = new ConsoleNotifierProvider(
            () -> new PrintStream(out, true, UTF_8), () -> new PrintStream(err, true, UTF_8));

    @Test
    void writesTheFullTextToStandardOutputByDefault() throws Exception {
        Notifier notifier = provider.create(NotifierSettings.empty("console"));

        notifier.send(sampleAlert());

        assertThat(out.toString(UTF_8)).isEqualTo(sampleAlert().text() + NL);
        assertThat(err.toString(UTF_8)).isEmpty();
        assertThat(notifier).hasToString("ConsoleNotifier[channel=console, stream=stdout, format=text]");
    }

    @Test
    void writesOneHeadlinePerLineToStandardErrorWhenAsked() throws Exception {
        Notifier notifier = provider.create(NotifierSettings.of("ops-console", Map.of("stream", "stderr", "format", "headline")));

        notifier.send(sampleAlert());
        notifier.send(sampleRecovery());

        assertThat(err.toString(UTF_8)).isEqualTo("CRITICAL: orders-api DOWN on node n3" + NL
                + "INFORMATION: orders-api UP on node n3" + NL);
        assertThat(out.toString(UTF_8)).isEmpty();
    }

    @Test
    void writesAnAcknowledgementLikeAnyOtherNotification() throws Exception {
        Notifier notifier = provider.create(NotifierSettings.empty("console"));

        notifier.send(sampleAcknowledgement());

        assertThat(out.toString(UTF_8)).isEqualTo(
                "CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z" + "\n"
                + "acknowledged by alice: Ok, I got this one" + "\n"
                + "incident n3/orders-api@2031-02-03T04:05:06.789Z" + NL);
    }

    @Test
    void endsTheHeadlineWithTheContactsNameAndNeverShowsTheAddress() throws Exception {
        Notifier notifier = provider.create(NotifierSettings.empty("console"));
        assertThat(notifier.sendsToAddresses()).isTrue();

        notifier.send(sampleAlert(), new Recipient("alice", "alice@example.org"));

        assertThat(out.toString(UTF_8)).isEqualTo("CRITICAL: orders-api DOWN on node n3 → alice" + "\n"
                + "seen by n1: connection refused" + "\n"
                + "incident n3/orders-api@2031-02-03T04:05:06.789Z" + NL);
    }

    @Test
    void writesOneLineForAContactWithTheHeadlineFormat() throws Exception {
        Notifier notifier = provider.create(NotifierSettings.of("console", Map.of("format", "headline")));

        notifier.send(sampleAcknowledgement(), new Recipient("bob", "+15558675310"));

        assertThat(out.toString(UTF_8)).isEqualTo(
                "CRITICAL: acknowledged: orders-api DOWN on node n3 since 2031-02-03T04:05:06.789Z → bob" + NL);
    }

    @Test
    void readsValuesIgnoringCaseAndSurroundingBlanks() throws Exception {
        Notifier notifier = provider.create(NotifierSettings.of("console", Map.of("stream", " StdErr ", "format", "HEADLINE")));

        notifier.send(sampleAlert());

        assertThat(err.toString(UTF_8)).isEqualTo(sampleAlert().headline() + NL);
    }

    @Test
    void isNamedAfterItsChannel() {
        assertThat(provider.create(NotifierSettings.empty("ops-console")).name()).isEqualTo("ops-console");
    }

    @Test
    void rejectsAnUnknownStreamNamingTheChannelAndTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(NotifierSettings.of("ops-console", Map.of("stream", "stdlog"))))
                .withMessage("channel 'ops-console': setting 'stream' must be one of stderr, stdout");
    }

    @Test
    void rejectsAnUnknownFormatNamingTheChannelAndTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(NotifierSettings.of("ops-console", Map.of("format", "json"))))
                .withMessage("channel 'ops-console': setting 'format' must be one of headline, text");
    }

    @Test
    void rejectsAnUnknownSettingSoThatATypoIsNotIgnored() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(NotifierSettings.of("ops-console", Map.of("fromat", "headline"))))
                .withMessage("channel 'ops-console': unknown setting 'fromat' for a console channel; known settings: [format, stream]");
    }

    @Test
    void writesToTheStandardOutputOfTheMomentWithoutClosingIt() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Notifier notifier = new ConsoleNotifierProvider().create(NotifierSettings.of("console", Map.of("format", "headline")));
        try {
            System.setOut(new PrintStream(captured, true, UTF_8));
            notifier.send(sampleAlert());
            notifier.close();
            notifier.send(sampleRecovery());
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(UTF_8)).isEqualTo(sampleAlert().headline() + NL + sampleRecovery().headline() + NL);
    }
}
