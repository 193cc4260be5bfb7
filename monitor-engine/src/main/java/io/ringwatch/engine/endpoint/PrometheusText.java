package io.ringwatch.engine.endpoint;

import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.metrics.EngineMetrics;
import io.ringwatch.engine.metrics.LatencyHistogram;
import java.util.Locale;
import java.util.Map;

/**
 * An engine's metrics in the Prometheus text exposition format (version 0.0.4): whether it runs
 * and trusts itself, checks by target and result, failures, each target's state, notification
 * outcomes by channel, and a histogram of check latency.
 */
final class PrometheusText {
    private PrometheusText() {
    }

    static String render(MonitorEngine engine) {
        EngineMetrics metrics = engine.metrics();
        EngineView view = engine.view();
        StringBuilder out = new StringBuilder(4096);

        family(out, "ringwatch_up", "gauge", "Whether this node's engine is running (1) or stopped (0).");
        sample(out, "ringwatch_up", "node", engine.self().value(), engine.isRunning() ? 1 : 0);

        family(out, "ringwatch_self_trusted", "gauge", "Whether this node trusts its own view (1), or suspects itself (0).");
        sample(out, "ringwatch_self_trusted", "node", engine.self().value(), view.health() == Status.UP ? 1 : 0);

        family(out, "ringwatch_checks_total", "counter", "Checks this node made of each target, by result.");
        metrics.checks().forEach((target, counts) -> counts.forEach((status, count) ->
                out.append("ringwatch_checks_total{target=\"").append(escape(target.toString())).append("\",result=\"")
                        .append(status.name().toLowerCase(Locale.ROOT)).append("\"} ").append(count).append('\n')));

        family(out, "ringwatch_check_failures_total", "counter", "Checks of each target that were not UP.");
        metrics.checks().forEach((target, counts) -> sample(out, "ringwatch_check_failures_total", "target",
                target.toString(), counts.getOrDefault(Status.DEGRADED, 0L) + counts.getOrDefault(Status.DOWN, 0L)));

        family(out, "ringwatch_target_state", "gauge", "The confirmed state of each watched target: 1 for its state, 0 for the others.");
        for (EngineView.TargetView target : view.targets()) {
            for (Status status : Status.values()) {
                out.append("ringwatch_target_state{target=\"").append(escape(target.target().toString())).append("\",state=\"")
                        .append(status.name().toLowerCase(Locale.ROOT)).append("\"} ")
                        .append(target.status() == status ? 1 : 0).append('\n');
            }
        }

        family(out, "ringwatch_notifications_total", "counter", "Deliveries to each channel, by outcome.");
        metrics.deliveries().forEach((channel, outcomes) -> outcomes.forEach((outcome, count) ->
                out.append("ringwatch_notifications_total{channel=\"").append(escape(channel)).append("\",outcome=\"")
                        .append(outcome.name().toLowerCase(Locale.ROOT)).append("\"} ").append(count).append('\n')));

        family(out, "ringwatch_check_latency_seconds", "histogram", "How long checks of each target took.");
        for (Map.Entry<TargetId, LatencyHistogram> entry : metrics.latencies().entrySet()) {
            histogram(out, escape(entry.getKey().toString()), entry.getValue());
        }
        return out.toString();
    }

    private static void histogram(StringBuilder out, String target, LatencyHistogram histogram) {
        long[] cumulative = histogram.cumulativeCounts();
        for (int i = 0; i < cumulative.length; i++) {
            String bound = i < LatencyHistogram.BOUNDS_SECONDS.size() ? number(LatencyHistogram.BOUNDS_SECONDS.get(i)) : "+Inf";
            out.append("ringwatch_check_latency_seconds_bucket{target=\"").append(target).append("\",le=\"").append(bound)
                    .append("\"} ").append(cumulative[i]).append('\n');
        }
        out.append("ringwatch_check_latency_seconds_sum{target=\"").append(target).append("\"} ")
                .append(number(histogram.sumSeconds())).append('\n');
        out.append("ringwatch_check_latency_seconds_count{target=\"").append(target).append("\"} ")
                .append(cumulative[cumulative.length - 1]).append('\n');
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String value, long sample) {
        out.append(name).append('{').append(label).append("=\"").append(escape(value)).append("\"} ").append(sample).append('\n');
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    /** A label value as the format wants it: backslash, double quote and line feed escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
