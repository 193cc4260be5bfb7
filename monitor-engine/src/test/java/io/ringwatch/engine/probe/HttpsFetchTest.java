package io.ringwatch.engine.probe;

import static io.ringwatch.engine.probe.Results.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsFetchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int VALID_DAYS = 5;

    @TempDir
    static Path keys;

    private static SelfSignedCertificate certificate;
    private static LocalHttpServer server;

    @BeforeAll
    static void serveOverTlsWithAFreshSelfSignedCertificate() throws Exception {
        certificate = SelfSignedCertificate.generate(keys, null, VALID_DAYS);
        server = LocalHttpServer.https(certificate.serverContext()).respond("/health", 200, "ok");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void reportsWhenTheServersCertificateExpires() throws Exception {
        HttpFetcher fetcher = HttpFetcher.builder().sslContext(certificate.trustingContext()).build();

        ServiceResponse response = await(fetcher.fetch(server.url("/health"), TIMEOUT));

        assertThat(response).isInstanceOfSatisfying(ServiceResponse.Received.class, answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("ok");
            assertThat(answer.certificateExpiry()).hasValueSatisfying(expiry -> assertThat(expiry)
                    .isCloseTo(Instant.now().plus(Duration.ofDays(VALID_DAYS)), within(1, ChronoUnit.HOURS)));
        });
    }

    @Test
    void aCertificateExpiringWithinTheWarningIsDegraded() throws Exception {
        HttpFetcher fetcher = HttpFetcher.builder().sslContext(certificate.trustingContext()).build();
        HttpProbe probe = HttpProbe.of(server.url("/health"), Expectation.ofDefaults(), fetcher, Clock.systemUTC());

        ProbeResult result = await(probe.check(TIMEOUT));

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.reason()).startsWith("TLS certificate expires in ");
    }

    @Test
    void aSelfSignedCertificateIsDownWithATlsReasonUnderSystemTrust() {
        HttpProbe probe = HttpProbe.of(server.url("/health?token=abc"), Expectation.ofDefaults(), HttpFetcher.create(),
                Clock.systemUTC());

        ProbeResult result = await(probe.check(TIMEOUT));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("TLS handshake failed (PKIX path building failed)");
    }

    @Test
    void anExpiredCertificateIsDownUnderSystemTrustAndDegradedWhereItIsTrusted(@TempDir Path otherKeys) throws Exception {
        SelfSignedCertificate expired = SelfSignedCertificate.generate(otherKeys, "-10d", VALID_DAYS);
        try (LocalHttpServer stale = LocalHttpServer.https(expired.serverContext()).respond("/health", 200, "ok")) {
            HttpFetcher trusting = HttpFetcher.builder().sslContext(expired.trustingContext()).build();

            ServiceResponse untrusted = await(HttpFetcher.create().fetch(stale.url("/health"), TIMEOUT));
            ProbeResult trusted = await(HttpProbe.of(stale.url("/health"), Expectation.ofDefaults(), trusting,
                    Clock.systemUTC()).check(TIMEOUT));

            assertThat(untrusted).isInstanceOfSatisfying(ServiceResponse.NotReceived.class, none -> {
                assertThat(none.cause()).isEqualTo(NoAnswer.TLS);
                assertThat(none.reason()).doesNotContain("\n").doesNotContain("127.0.0.1:");
            });
            // the JDK does not check the validity of a trust anchor itself; the expectation does
            assertThat(trusted.status()).isEqualTo(Status.DEGRADED);
            assertThat(trusted.reason()).startsWith("TLS certificate expired");
        }
    }
}
