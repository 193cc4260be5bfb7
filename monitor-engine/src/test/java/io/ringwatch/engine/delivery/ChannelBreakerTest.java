package io.ringwatch.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelBreakerTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final ChannelBreaker breaker = new ChannelBreaker(3, Duration.ofMinutes(1));

    @Test
    void theRetriesOfOneDeliveryDoNotSuspendTheChannel() {
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(breaker.failed(NOW, "alert-1")).isEqualTo(ChannelBreaker.AfterFailure.STILL_CLOSED);
        }

        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allows(NOW)).isTrue();
    }

    @Test
    void threeDifferentDeliveriesFailingInARowSuspendItForAWhile() {
        breaker.failed(NOW, "a");
        breaker.failed(NOW, "b");
        assertThat(breaker.failed(NOW, "c")).isEqualTo(ChannelBreaker.AfterFailure.OPENED);

        assertThat(breaker.allows(NOW.plusSeconds(59))).isFalse();
        assertThat(breaker.retryAt(NOW.plusSeconds(10))).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void afterTheWaitOneTrialGoesThroughAndItsSuccessResumesTheChannel() {
        open();

        assertThat(breaker.allows(NOW.plusSeconds(60))).as("the trial").isTrue();
        assertThat(breaker.allows(NOW.plusSeconds(60))).as("a second one while the trial is under way").isFalse();
        assertThat(breaker.succeeded()).as("it was open").isTrue();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allows(NOW.plusSeconds(61))).isTrue();
    }

    @Test
    void aFailedTrialSuspendsItAgainForTwiceAsLongUpToTenTimes() {
        open();
        Instant at = NOW.plusSeconds(60);
        Duration expected = Duration.ofMinutes(1);
        for (int trial = 0; trial < 6; trial++) {
            assertThat(breaker.allows(at)).isTrue();
            assertThat(breaker.failed(at, "trial-" + trial)).isEqualTo(ChannelBreaker.AfterFailure.OPENED);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : expected.multipliedBy(2);
            assertThat(breaker.openFor()).isEqualTo(expected);
            at = at.plus(expected);
        }
        assertThat(breaker.openFor()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aSuccessForgetsTheFailuresBeforeIt() {
        breaker.failed(NOW, "a");
        breaker.failed(NOW, "b");
        assertThat(breaker.succeeded()).isFalse();

        assertThat(breaker.failed(NOW, "c")).isEqualTo(ChannelBreaker.AfterFailure.STILL_CLOSED);
    }

    private void open() {
        breaker.failed(NOW, "a");
        breaker.failed(NOW, "b");
        breaker.failed(NOW, "c");
    }
}
