package io.ringwatch.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorEngine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    /** A sample line of the text format: a name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-z_]+(\\{([a-z_]+=\"([^\"\\\\\\n]|\\\\[\"\\\\n])*\",?)*})? (-?[0-9.]+(E-?[0-9]+)?|\\+Inf)");

    private final MonitorEngine engine = TestEngines.started("n1",
            TestEngines.members("http://127.0.0.1:1", "http://127.0.0.1:2"), null);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void everyLineIsACommentOrAWellFormedSample() {
        engine.metrics().recordCheck(TargetId.parse("n2"), ProbeResult.up(Duration.ofMillis(12)));

        List<String> lines = Arrays.asList(PrometheusText.render(engine).split("\n"));

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                || SAMPLE.matcher(line).matches()).as(line).isTrue());
        assertThat(lines).contains(
                "ringwatch_checks_total{target=\"n2\",result=\"up\"} 1",
                "ringwatch_check_failures_total{target=\"n2\"} 0",
                "ringwatch_check_latency_seconds_bucket{target=\"n2\",le=\"0.01\"} 0",
                "ringwatch_check_latency_seconds_bucket{target=\"n2\",le=\"0.025\"} 1",
                "ringwatch_check_latency_seconds_bucket{target=\"n2\",le=\"+Inf\"} 1",
                "ringwatch_check_latency_seconds_count{target=\"n2\"} 1",
                "ringwatch_target_state{target=\"n2\",state=\"unknown\"} 1",
                "ringwatch_self_trusted{node=\"n1\"} 1");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PrometheusText.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
