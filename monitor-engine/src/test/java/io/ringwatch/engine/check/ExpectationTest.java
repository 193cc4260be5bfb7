package io.ringwatch.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123456789Z");
    private static final Duration FAST = Duration.ofMillis(12);

    private static ProbeResult judge(Expectation expectation, ServiceResponse response) {
        return expectation.classify(response, NOW);
    }

    @Test
    void noAnswerIsDownWithItsReason() {
        ProbeResult result = judge(Expectation.ofDefaults(),
                new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", FAST));
        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("connection refused");
        assertThat(judge(Expectation.ofDefaults(), new ServiceResponse.NotReceived(NoAnswer.TIMEOUT, "after 10000 ms",
                Duration.ofSeconds(10))).reason()).isEqualTo("timed out (after 10000 ms)");
    }

    @Test
    void aGoodAnswerIsUpWithItsStatusAndLatency() {
        ProbeResult result = judge(Expectation.ofDefaults(), ServiceResponse.Received.of(200, "ok", FAST));
        assertThat(result).isEqualTo(ProbeResult.up(FAST, "HTTP 200"));
    }

    @Test
    void anUnexpectedStatusCodeIsDegraded() {
        ProbeResult result = judge(Expectation.ofDefaults(), ServiceResponse.Received.of(503, "busy", FAST));
        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.reason()).isEqualTo("HTTP 503, expected 200-299");
    }

    @Test
    void acceptsExactlyTheConfiguredCodes() {
        Expectation expectation = Expectation.custom().statusCodes(StatusCodes.of(204, 200)).build();
        assertThat(judge(expectation, ServiceResponse.Received.of(204, "", FAST)).status()).isEqualTo(Status.UP);
        assertThat(judge(expectation, ServiceResponse.Received.of(201, "", FAST)).reason()).isEqualTo("HTTP 201, expected 200,204");
    }

    @Test
    void aBodyWithoutTheExpectedTextIsDegraded() {
        Expectation expectation = Expectation.custom().bodyContains("pong").build();
        assertThat(judge(expectation, ServiceResponse.Received.of(200, "ping", FAST)).reason())
                .isEqualTo("body does not contain 'pong'");
        assertThat(judge(expectation, ServiceResponse.Received.of(200, "ping pong", FAST)).status()).isEqualTo(Status.UP);
    }

    @Test
    void aBodyThatDoesNotMatchTheRegexIsDegraded() {
        Expectation expectation = Expectation.custom().bodyMatches("version \\d+\\.\\d+").build();
        assertThat(judge(expectation, ServiceResponse.Received.of(200, "version 2.4 ok", FAST)).status()).isEqualTo(Status.UP);
        assertThat(judge(expectation, ServiceResponse.Received.of(200, "version x", FAST)).reason())
                .isEqualTo("body does not match /version \\d+\\.\\d+/");
    }

    @Test
    void readsTheActuatorAndMicroProfileHealthStatusField() {
        Expectation actuator = Expectation.custom().healthStatusUp().build();
        assertThat(judge(actuator, ServiceResponse.Received.of(200, "{\"status\":\"UP\",\"components\":{}}", FAST)).status())
                .isEqualTo(Status.UP);
        assertThat(judge(actuator, ServiceResponse.Received.of(200, "{\"status\":\"OUT_OF_SERVICE\"}", FAST)).reason())
                .isEqualTo("status is 'OUT_OF_SERVICE', expected 'UP'");
        assertThat(judge(actuator, ServiceResponse.Received.of(200, "<html>UP</html>", FAST)).reason())
                .isEqualTo("body is not JSON, expected field status");
        assertThat(judge(actuator, ServiceResponse.Received.of(200, "{\"state\":\"UP\"}", FAST)).reason())
                .isEqualTo("body has no field status");
    }

    @Test
    void followsDotsIntoNestedJsonFields() {
        Expectation expectation = Expectation.custom().jsonField("components.db.status", "UP").build();
        String body = "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}";
        assertThat(judge(expectation, ServiceResponse.Received.of(200, body, FAST)).reason())
                .isEqualTo("components.db.status is 'DOWN', expected 'UP'");
    }

    @Test
    void aSlowAnswerIsDegradedUnlessAnySpeedIsAccepted() {
        Duration slow = Duration.ofMillis(6_200);
        assertThat(judge(Expectation.ofDefaults(), ServiceResponse.Received.of(200, "", slow)).reason())
                .isEqualTo("slow: 6200 ms, more than 5000 ms");
        assertThat(judge(Expectation.custom().anySpeed().build(), ServiceResponse.Received.of(200, "", slow)).status())
                .isEqualTo(Status.UP);
    }

    @Test
    void aCertificateThatExpiresSoonIsDegraded() {
        var soon = new ServiceResponse.Received(200, "", FAST, Optional.of(NOW.plus(Duration.ofDays(3))));
        var later = new ServiceResponse.Received(200, "", FAST, Optional.of(NOW.plus(Duration.ofDays(90))));
        var expired = new ServiceResponse.Received(200, "", FAST, Optional.of(NOW.minus(Duration.ofDays(1))));
        assertThat(judge(Expectation.ofDefaults(), soon).reason()).startsWith("TLS certificate expires in 3 days");
        assertThat(judge(Expectation.ofDefaults(), later).status()).isEqualTo(Status.UP);
        assertThat(judge(Expectation.ofDefaults(), expired).reason()).startsWith("TLS certificate expired");
        assertThat(judge(Expectation.custom().ignoreCertificateExpiry().build(), expired).status()).isEqualTo(Status.UP);
    }

    @Test
    void aReasonNeverSpillsTheBodyOntoASecondLine() {
        Expectation expectation = Expectation.custom().jsonField("status", "UP").build();
        ProbeResult result = judge(expectation, ServiceResponse.Received.of(200, "{\"status\":\"DOWN\\nCRITICAL: forged\"}", FAST));
        assertThat(result.reason()).doesNotContain("\n").contains("DOWN CRITICAL: forged");
    }

    @Test
    void startsFromABaseAndChangesOnlyWhatItIsTold() {
        Expectation base = Expectation.custom().bodyContains("ok").slowerThan(Duration.ofSeconds(1)).build();
        Expectation derived = Expectation.from(base).statusCodes(StatusCodes.of(200)).build();
        assertThat(judge(derived, ServiceResponse.Received.of(200, "nope", FAST)).reason()).isEqualTo("body does not contain 'ok'");
        assertThat(judge(derived, ServiceResponse.Received.of(200, "ok", Duration.ofSeconds(2))).status()).isEqualTo(Status.DEGRADED);
    }

    @Test
    void rejectsNonsenseWithAMessageThatSaysWhat() {
        assertThatThrownBy(() -> StatusCodes.range(300, 200)).hasMessageContaining("300-200 is empty");
        assertThatThrownBy(() -> StatusCodes.of(42)).hasMessageContaining("within 100 to 599, was 42");
        assertThatThrownBy(() -> Expectation.custom().slowerThan(Duration.ZERO)).hasMessageContaining("slow threshold must be positive");
        assertThatThrownBy(() -> Expectation.custom().jsonField("a..b", "x")).hasMessageContaining("empty step");
    }
}
