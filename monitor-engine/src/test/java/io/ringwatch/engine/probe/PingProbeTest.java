package io.ringwatch.engine.probe;

import static io.ringwatch.engine.probe.Results.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PingProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void theLoopbackAddressIsUpWhereThisProcessCanReachIt() throws Exception {
        assumeTrue(InetAddress.getLoopbackAddress().isReachable((int) TIMEOUT.toMillis()),
                "this process can neither ping 127.0.0.1 nor reach its echo port");

        ProbeResult result = await(PingProbe.of("127.0.0.1").check(TIMEOUT));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.reason()).isEqualTo("reachable");
        assertThat(result.latency()).isLessThan(TIMEOUT);
    }

    @Test
    void aHostThatDoesNotResolveIsDownNotFound() {
        ProbeResult result = await(PingProbe.of("no-such-host.invalid").check(TIMEOUT));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.reason()).isEqualTo("host not found (no-such-host.invalid)");
        assertThat(result.latency()).isLessThan(TIMEOUT);
    }

    @Test
    void rejectsABlankHostAndANonPositiveTimeout() {
        assertThatThrownBy(() -> PingProbe.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PingProbe.of("127.0.0.1").check(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PingProbe.of("n3.internal")).hasToString("PingProbe[n3.internal]");
    }
}
