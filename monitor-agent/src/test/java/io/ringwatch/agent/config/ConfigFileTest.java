package io.ringwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.ServiceId;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.ring.RingOrder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

    @Test
    void loadsTheExampleFileWithItsSecretsFromTheEnvironment() {
        AgentConfig config = ConfigFile.load(Path.of("ringwatch.example.yaml"), Map.of(
                "RINGWATCH_SECRET", "example-secret-0123456789",
                "CHAT_WEBHOOK_URL", "https://chat.example/hooks/T000/B000/XXXX"));

        assertThat(config.node()).isEqualTo(NodeId.of("n1"));
        assertThat(config.members()).extracting(MemberEntry::id).map(NodeId::value)
                .containsExactly("n1", "n2", "n3", "n4", "n5");
        assertThat(config.members().get(4).nodeCheck()).isEqualTo(NodeCheck.TCP);
        ServiceEntry.HttpService orders = (ServiceEntry.HttpService) config.members().get(0).services().get(0);
        assertThat(orders.url()).isEqualTo(URI.create("http://10.0.0.1:8080/actuator/health"));
        assertThat(orders.expectation().toString()).contains("status = 'UP'", "slow > PT2S");
        assertThat(config.members().get(0).services().get(1))
                .isEqualTo(new ServiceEntry.TcpService(ServiceId.of("postgres"), "10.0.0.1", 5432));
        assertThat(config.monitorConfig().interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.controlTarget()).contains(new ControlTarget.Tcp("10.0.0.254", 53));
        assertThat(config.channels()).extracting(ChannelEntry::provider).containsExactly("webhook", "console");
        assertThat(config.channels().get(0).settings()).containsEntry("url", "https://chat.example/hooks/T000/B000/XXXX");
        assertThat(config.eventLog().path()).isEqualTo(Path.of("/var/lib/ringwatch/events.jsonl"));
        assertThat(config.eventLog().config().maxFileBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.maintenance()).hasSize(2);
        assertThat(config.maintenance().get(1).target()).isEqualTo(TargetId.parse("n2/billing-api"));
    }

    @Test
    void fillsEveryDefaultForTheSmallestFile() {
        AgentConfig config = Yaml.parse("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                """);

        assertThat(config.source()).isEqualTo(Path.of("ringwatch.yaml"));
        assertThat(config.listenAddress()).isEqualTo("0.0.0.0");
        assertThat(config.listenPort()).isEqualTo(7070);
        assertThat(config.secret()).contains(Yaml.SECRET);
        assertThat(config.insecure()).isFalse();
        assertThat(config.members().get(0).nodeCheck()).isEqualTo(NodeCheck.HTTP);
        assertThat(config.members().get(0).services()).isEmpty();
        assertThat(config.ringOrder()).isEqualTo(RingOrder.CONFIGURED);
        assertThat(config.monitorConfig()).hasToString(MonitorConfig.ofDefaults().toString());
        assertThat(config.controlTarget()).isEmpty();
        assertThat(config.channels()).isEmpty();
        assertThat(config.eventLog()).isEqualTo(new EventLogEntry(Path.of("ringwatch-events", "n1.jsonl"),
                JsonLinesEventLog.Config.ofDefaults()));
        assertThat(config.maintenance()).isEmpty();
    }

    @Test
    void mapsEveryTimingKeyOntoMonitorConfig() {
        AgentConfig config = Yaml.parse("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                members: [{ id: n1, endpoint: "http://10.0.0.1:7070" }]
                ring: { partners: 3, order: hashed }
                confirm-with-peers: false
                timing:
                  interval: 1m30s
                  jitter: 0.2
                  timeout: 500ms
                  retry-interval: PT5S
                  confirmations: 3
                  recoveries: 4
                  peer-timeout: 7s
                  handoff-delay: 8s
                  repeat-interval: 1h
                  escalation-delay: 2h
                  flap-high: 0.5
                  flap-low: 0.4
                  late-cycle-threshold: 20s
                  disputes-before-notice: 5
                  self-suspicion-notice-after: 10m
                  notifier-timeout: 3s
                """);

        MonitorConfig expected = MonitorConfig.custom().partners(3).confirmWithPeers(false)
                .interval(Duration.ofSeconds(90)).jitter(0.2).timeout(Duration.ofMillis(500))
                .retryInterval(Duration.ofSeconds(5)).confirmations(3).recoveries(4)
                .peerTimeout(Duration.ofSeconds(7)).handoffDelay(Duration.ofSeconds(8))
                .repeatInterval(Duration.ofHours(1)).escalationDelay(Duration.ofHours(2)).flapThresholds(0.5, 0.4)
                .lateCycleThreshold(Duration.ofSeconds(20)).disputesBeforeNotice(5)
                .selfSuspicionNoticeAfter(Duration.ofMinutes(10)).notifierTimeout(Duration.ofSeconds(3)).build();
        assertThat(config.monitorConfig()).hasToString(expected.toString());
        assertThat(config.ringOrder()).isEqualTo(RingOrder.HASHED);
    }

    @Test
    void readsExpectationsControlTargetsEventLogAndMaintenance() {
        AgentConfig config = Yaml.parse("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                listen: { address: 127.0.0.1, port: 0 }
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                    services:
                      - id: api
                        url: http://10.0.0.1:8080/health
                        expect:
                          status: 200-204
                          slower-than: off
                          certificate-warning: off
                control-target: https://gateway.local/ping
                event-log: { fsync: every-append, max-file-size: 1000, max-files: 2 }
                maintenance:
                  - target: n1/api
                    from: 2026-12-01T22:00:00+01:00
                    until: 2026-12-01T23:00:00Z
                """);

        assertThat(config.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(config.listenPort()).isZero();
        ServiceEntry.HttpService api = (ServiceEntry.HttpService) config.members().get(0).services().get(0);
        assertThat(api.expectation()).hasToString(Expectation.custom()
                .statusCodes(io.ringwatch.engine.check.StatusCodes.range(200, 204))
                .anySpeed().ignoreCertificateExpiry().build().toString());
        assertThat(config.controlTarget()).contains(new ControlTarget.Http(URI.create("https://gateway.local/ping")));
        assertThat(config.eventLog().config()).isEqualTo(
                new JsonLinesEventLog.Config(JsonLinesEventLog.Fsync.EVERY_APPEND, 1000, 2));
        assertThat(config.maintenance().get(0).start()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(config.maintenance().get(0).reason()).isEqualTo("planned maintenance");
    }

    @Test
    void theNodeItselfCannotBeOneThatRunsNoAgent() {
        assertThatThrownBy(() -> Yaml.parse("""
                node: n1
                secret: ${RINGWATCH_SECRET}
                members:
                  - id: n1
                    endpoint: http://10.0.0.1:7070
                    node-check: tcp
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(":1: node: 'n1' has node-check: tcp, which marks a machine that runs no agent");
    }

    @Test
    void aChannelMayBeGivenAsOneUrlWhichStaysHidden() {
        AgentConfig config = Yaml.parse(Yaml.ONE_NODE + """
                channels:
                  - name: phone
                    url: tgram://123456:token-secret/-100200
                """);

        assertThat(config.channels()).containsExactly(ChannelEntry.ofUrl("phone", "tgram://123456:token-secret/-100200"));
        assertThat(config.channels().get(0).kind()).isEqualTo("tgram URL");
        assertThat(config.toString()).doesNotContain("token-secret");
        assertThatThrownBy(() -> Yaml.parse(Yaml.ONE_NODE + """
                channels:
                  - name: phone
                    provider: webhook
                    url: no-scheme-secret
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(":8: channels[0].provider: give provider (with settings) or url, not both")
                .hasMessageContaining(":9: channels[0].url: expected a channel URL such as tgram://TOKEN/CHAT_ID (value hidden)")
                .hasMessageNotContaining("no-scheme-secret");
    }

    @Test
    void readsTheDeliveryPolicyAndFailovers() {
        AgentConfig config = Yaml.parse(Yaml.ONE_NODE + """
                channels:
                  - name: chat
                    provider: console
                    failover: phone
                  - name: phone
                    provider: console
                delivery:
                  attempts: 4
                  first-retry: 2s
                  max-retry: 1m
                  suspend-after: 2
                  suspend-for: 30s
                """);

        assertThat(config.channels().get(0).failover()).contains("phone");
        assertThat(config.channels().get(1).failover()).isEmpty();
        assertThat(config.deliveryPolicy().attempts()).isEqualTo(4);
        assertThat(config.deliveryPolicy().firstRetry()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.deliveryPolicy().maxRetry()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.deliveryPolicy().suspendAfter()).isEqualTo(2);
        assertThat(config.deliveryPolicy().suspendFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFailoverMustNameAnotherChannel() {
        assertThatThrownBy(() -> Yaml.parse(Yaml.ONE_NODE + """
                channels:
                  - name: chat
                    provider: console
                    failover: pager
                  - name: phone
                    provider: console
                    failover: phone
                delivery:
                  first-retry: 10m
                  max-retry: 1m
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(":9: channels[0].failover: no channel is named 'pager'; channels: chat, phone")
                .hasMessageContaining(":12: channels[1].failover: a channel cannot stand in for itself")
                .hasMessageContaining(":15: delivery.max-retry:");
    }

    @Test
    void aStandbyCannotHaveAFailoverOfItsOwn() {
        assertThatThrownBy(() -> Yaml.parse(Yaml.ONE_NODE + """
                channels:
                  - name: chat
                    provider: console
                    failover: phone
                  - name: phone
                    provider: console
                    failover: chat
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(":9: channels[0].failover: a standby gets only what its channel gives up")
                .hasMessageContaining(":12: channels[1].failover: a standby gets only what its channel gives up");
    }

    @Test
    void aControlTargetMayBeAPing() {
        String yaml = Yaml.ONE_NODE + """
                control-target: %s
                """;

        assertThat(Yaml.parse(yaml.formatted("ping://10.0.0.254")).controlTarget()).contains(new ControlTarget.Ping("10.0.0.254"));
        assertThat(Yaml.parse(yaml.formatted("ping://[::1]")).controlTarget()).contains(new ControlTarget.Ping("::1"));
        assertThatThrownBy(() -> Yaml.parse(yaml.formatted("ping://10.0.0.254:53")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(":6: control-target: expected tcp://host:port, ping://host");
    }

    @Test
    void runsWithoutASecretOnlyWhenInsecure() {
        AgentConfig config = Yaml.parse("""
                node: n1
                insecure: true
                members: [{ id: n1, endpoint: "http://10.0.0.1:7070" }]
                """);

        assertThat(config.secret()).isEmpty();
        assertThat(config.insecure()).isTrue();
    }
}
