package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ChannelEntry;
import io.ringwatch.agent.config.ConfigFile;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.MonitorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentYamlTest {
    private static final List<NodeId> NODES = List.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"));
    private static final List<Integer> PORTS = List.of(40101, 40102, 40103);
    private static final Map<String, String> ENVIRONMENT = Map.of(AgentYaml.SECRET_VARIABLE, "a-farm-secret-of-24-chars",
            AgentYaml.WEBHOOK_VARIABLE, "http://127.0.0.1:40200/hooks/latency");

    @Test
    void theAgentReadsTheOptionsTimingsAndListensOnItsOwnLoopbackPort() {
        LatencyOptions options = LatencyOptions.parse("--processes", "--interval", "2s", "--retry", "300ms", "--timeout", "400",
                "--confirmations", "3");
        Path eventLog = Path.of("events", "n2-events.jsonl").toAbsolutePath();

        AgentConfig agent = ConfigFile.parse(AgentYaml.of(NodeId.of("n2"), NODES, PORTS, options, eventLog), "n2.yaml", ENVIRONMENT);

        assertThat(agent.node()).isEqualTo(NodeId.of("n2"));
        assertThat(agent.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(agent.listenPort()).isEqualTo(40102);
        assertThat(agent.secret()).contains("a-farm-secret-of-24-chars");
        assertThat(agent.members()).hasSize(3);
        assertThat(agent.eventLog().path()).isEqualTo(eventLog);
        assertThat(agent.channels()).containsExactly(
                new ChannelEntry("latency", "webhook", Map.of("url", "http://127.0.0.1:40200/hooks/latency")));
        MonitorConfig timing = agent.monitorConfig();
        assertThat(timing.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(timing.retryInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(timing.timeout()).isEqualTo(Duration.ofMillis(400));
        assertThat(timing.confirmations()).isEqualTo(3);
        assertThat(timing.jitter()).isEqualTo(MonitorConfig.DEFAULT_JITTER);
        assertThat(timing.peerTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(timing.handoffDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(timing.recoveries()).isEqualTo(2);
    }

    @Test
    void theSecretAndTheWebhookStayOutOfTheFile() {
        String yaml = AgentYaml.of(NodeId.of("n1"), NODES, PORTS, LatencyOptions.parse(), Path.of("events.jsonl"));

        assertThat(yaml).contains("${" + AgentYaml.SECRET_VARIABLE + "}", "${" + AgentYaml.WEBHOOK_VARIABLE + "}")
                .doesNotContain("a-farm-secret", "40200");
    }

    @Test
    void refusesANodeThatIsNotInTheFarm() {
        assertThatThrownBy(() -> AgentYaml.of(NodeId.of("n9"), NODES, PORTS, LatencyOptions.parse(), Path.of("events.jsonl")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
