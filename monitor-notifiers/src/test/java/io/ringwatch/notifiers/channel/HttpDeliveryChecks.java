package io.ringwatch.notifiers.channel;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringwatch.api.Notifier;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * What the WireMock delivery tests of the HTTP channels share: a stand-in provider on
 * 127.0.0.1, and the checks every channel must pass the same way, each sending the sample alert.
 * Test-only; stateless.
 */
public final class HttpDeliveryChecks {
    /** How long a check waits for a send that should have given up after the channel's timeout. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private HttpDeliveryChecks() {
    }

    /** A WireMock server on a free port of 127.0.0.1, for {@code @RegisterExtension static}. */
    public static WireMockExtension localProvider() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** The body of the one request {@code provider} received; fails if it received another number. */
    public static String onlyBody(WireMockExtension provider) {
        assertThat(provider.getAllServeEvents()).as("requests received").hasSize(1);
        return provider.getAllServeEvents().get(0).getRequest().getBodyAsString();
    }

    /**
     * Sending the sample alert to a provider that does not answer fails with an
     * {@link HttpTimeoutException} saying {@code message}, well within 5 s.
     */
    public static void assertTimesOut(Notifier notifier, String message) {
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessage(message));
    }

    /**
     * Sending the sample alert fails with an {@link IOException} saying {@code message} (which
     * names the status) whose {@code toString} holds none of {@code secrets}.
     */
    public static void assertFailsWithoutSecrets(Notifier notifier, String message, String... secrets) {
        assertThatThrownBy(() -> notifier.send(sampleAlert()))
                .isInstanceOf(IOException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(secrets));
    }

    /** Closes the notifier; sending the sample alert then fails with an {@link IllegalStateException} saying {@code message}. */
    public static void assertClosedRefusesToSend(Notifier notifier, String message) {
        notifier.close();

        assertThatIllegalStateException().isThrownBy(() -> notifier.send(sampleAlert())).withMessage(message);
    }
}
