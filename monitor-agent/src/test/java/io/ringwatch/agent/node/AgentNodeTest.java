package io.ringwatch.agent.node;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ConfigFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentNodeTest {

    @Test
    void givesTheEngineTheFilesRoutingWhichMustFitTheChannels(@TempDir Path directory) {
        AgentConfig config = ConfigFile.parse("""
                node: n1
                insecure: true
                listen: { address: 127.0.0.1, port: 0 }
                members: [{ id: n1, endpoint: "http://127.0.0.1:7070" }]
                event-log: { path: "%s" }
                channels:
                  - { name: desk, provider: webhook, settings: { url: "http://127.0.0.1:9/hooks/desk" } }
                contacts:
                  - { name: alice, addresses: { desk: "alice-desk-id" }, subscribe: ["*"] }
                """.formatted(directory.resolve("n1.jsonl").toString().replace("\\", "/")), "ringwatch.yaml", Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> AgentNode.start(config).close())
                .withMessageContaining("contact alice has an address on channel 'desk', which sends to one fixed destination")
                .withMessageNotContaining("alice-desk-id");
    }
}
