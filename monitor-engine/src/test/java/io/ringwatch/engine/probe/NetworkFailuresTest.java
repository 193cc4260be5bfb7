package io.ringwatch.engine.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.peer.PeerUnreachableException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exception chains here are the ones the JDK's HttpClient and socket channels really produce. */
class NetworkFailuresTest {
    private static final Duration TIMEOUT = Duration.ofMillis(2500);
    private static final Duration LATENCY = Duration.ofMillis(7);

    private static ServiceResponse.NotReceived classify(Throwable failure) {
        return NetworkFailures.notReceived(failure, LATENCY, TIMEOUT);
    }

    private static <T extends Throwable> T causedBy(T failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }

    @Test
    void aConnectExceptionAroundAClosedChannelIsARefusal() {
        Throwable failure = new CompletionException(causedBy(new ConnectException(), new ClosedChannelException()));

        assertThat(classify(failure)).isEqualTo(new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", LATENCY));
    }

    @Test
    void anUnresolvedAddressIsAHostNotFound() {
        Throwable failure = new CompletionException(causedBy(new ConnectException(), new UnresolvedAddressException()));

        assertThat(NetworkFailures.notReceived(failure, LATENCY, TIMEOUT, "db.internal").reason())
                .isEqualTo("host not found (db.internal)");
        assertThat(classify(new UnknownHostException("db.internal: Name or service not known")).reason())
                .isEqualTo("host not found (db.internal)");
    }

    @Test
    void timeoutsNameTheTimeout() {
        assertThat(classify(new HttpConnectTimeoutException("HTTP connect timed out")).reason())
                .isEqualTo("timed out (after 2500 ms)");
        assertThat(classify(new ExecutionException(new HttpTimeoutException("request timed out"))).cause())
                .isEqualTo(NoAnswer.TIMEOUT);
    }

    @Test
    void aTlsFailureGivesItsShortCauseOnOneLine() {
        Throwable untrusted = new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path\nto target");
        Throwable expired = causedBy(new SSLHandshakeException("PKIX path validation failed: validity check failed"),
                new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"));

        assertThat(classify(untrusted).reason()).isEqualTo("TLS handshake failed (PKIX path building failed)");
        assertThat(classify(new CompletionException(expired)).reason()).isEqualTo("TLS handshake failed (certificate expired)");
    }

    @Test
    void aConnectionThatEndsEarlyIsAReset() {
        assertThat(classify(new ConnectException("Connection reset by peer")).cause()).isEqualTo(NoAnswer.RESET);
        assertThat(classify(causedBy(new IOException("HTTP/1.1 header parser received no bytes"),
                new EOFException("EOF reached while reading"))).cause()).isEqualTo(NoAnswer.RESET);
    }

    @Test
    void noRouteIsUnreachable() {
        assertThat(classify(new NoRouteToHostException("No route to host")).cause()).isEqualTo(NoAnswer.UNREACHABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:secret@n3/health?token=abc", "Authorization: Bearer secret"})
    void anythingElseIsNamedByItsClassAndNeverShowsItsMessage(String message) {
        ServiceResponse.NotReceived none = classify(new CompletionException(new IllegalStateException(message)));

        assertThat(none.cause()).isEqualTo(NoAnswer.OTHER);
        assertThat(none.reason()).isEqualTo("no answer (IllegalStateException)").doesNotContain("secret");
    }

    @Test
    void aPeerThatDidNotAnswerIsAnExceptionSafeToLog() {
        PeerUnreachableException unreachable = NetworkFailures.unreachable(
                new CompletionException(new HttpTimeoutException("request to http://n3/?key=secret timed out")), TIMEOUT);

        assertThat(unreachable.noAnswer()).isEqualTo(NoAnswer.TIMEOUT);
        assertThat(unreachable).hasMessage("timed out (after 2500 ms)");
    }
}
