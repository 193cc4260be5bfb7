package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import java.nio.file.Path;
import java.util.List;

/**
 * The config file of one agent of an {@link AgentFarm}, in the shape the agent's own
 * multi-process test uses: every node on 127.0.0.1 with no services, so only node liveness is
 * watched; the check timings from the options, the jitter left at its default, the rest set
 * for a 1 s interval; one {@code webhook} channel. The secret and the webhook's URL are read
 * from the environment ({@value #SECRET_VARIABLE}, {@value #WEBHOOK_VARIABLE}), so they are
 * never written to disk. Stateless; thread-safe.
 */
final class AgentYaml {
    static final String SECRET_VARIABLE = "RINGWATCH_SECRET";
    static final String WEBHOOK_VARIABLE = "CHAT_WEBHOOK_URL";

    private AgentYaml() {
    }

    /**
     * The config of {@code node}.
     *
     * @param nodes every node of the farm, {@code node} among them
     * @param ports each node's endpoint port, in the order of {@code nodes}
     * @param eventLog where the agent writes its event log
     * @throws IllegalArgumentException if {@code node} is not among {@code nodes}, or the lists differ in size
     */
    static String of(NodeId node, List<NodeId> nodes, List<Integer> ports, LatencyOptions options, Path eventLog) {
        int self = nodes.indexOf(node);
        if (self < 0 || nodes.size() != ports.size()) {
            throw new IllegalArgumentException(node + " among " + nodes + " with ports " + ports);
        }
        StringBuilder yaml = new StringBuilder()
                .append("node: ").append(node.value()).append('\n')
                .append("listen:\n  address: 127.0.0.1\n  port: ").append(ports.get(self)).append('\n')
                .append("secret: ${").append(SECRET_VARIABLE).append("}\n")
                .append("members:\n");
        for (int i = 0; i < nodes.size(); i++) {
            yaml.append("  - id: ").append(nodes.get(i).value()).append('\n')
                    .append("    endpoint: http://127.0.0.1:").append(ports.get(i)).append('\n');
        }
        return yaml.append("timing:\n")
                .append("  interval: ").append(options.interval().toMillis()).append("ms\n")
                .append("  timeout: ").append(options.timeout().toMillis()).append("ms\n")
                .append("  retry-interval: ").append(options.retry().toMillis()).append("ms\n")
                .append("  confirmations: ").append(options.confirmations()).append('\n')
                .append("  recoveries: 2\n")
                .append("  peer-timeout: 2s\n")
                .append("  handoff-delay: 500ms\n")
                .append("  notifier-timeout: 2s\n")
                .append("channels:\n")
                .append("  - name: latency\n")
                .append("    provider: webhook\n")
                .append("    settings:\n")
                .append("      url: ${").append(WEBHOOK_VARIABLE).append("}\n")
                .append("event-log:\n")
                .append("  path: ").append(eventLog).append('\n')
                .toString();
    }
}
