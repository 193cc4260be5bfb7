package io.ringwatch.agent.farm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Five agent processes on 127.0.0.1 watch each other for real: each a JVM started from the
 * runnable jar with its own YAML config, each with a web service, their chat channel a webhook
 * stood in for by WireMock. Checks every second, as a user would tighten it.
 */
class FarmProcessesIT {
    /** Detection takes about 1-2 s with these timings; this leaves room for a loaded CI machine. */
    private static final Duration DETECTION_BOUND = Duration.ofSeconds(30);
    /** How long to keep watching for a duplicate after the first notification: several handoff delays. */
    private static final Duration NO_DUPLICATE_WINDOW = Duration.ofSeconds(4);

    private WireMockServer webhook;
    private ProcessFarm farm;

    @BeforeEach
    void startWebhook(TestInfo test) throws Exception {
        webhook = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        webhook.start();
        webhook.stubFor(post(urlEqualTo(ProcessFarm.WEBHOOK_PATH))
                .withHeader("Content-Type", containing("application/json"))
                .willReturn(aResponse().withStatus(204)));
        webhook.stubFor(post(urlEqualTo(ProcessFarm.TELEGRAM_PATH))
                .withHeader("Content-Type", containing("application/json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        Path directory = Files.createDirectories(Path.of("target", "farm-it", test.getTestMethod().orElseThrow().getName()));
        farm = new ProcessFarm(Path.of(System.getProperty("ringwatch.agent.jar", "target/ringwatch-agent.jar")),
                directory.toAbsolutePath(), webhook, 5);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            farm.close();
        } finally {
            webhook.stop();
        }
    }

    @Test
    void aKilledAgentIsAlertedExactlyOnceAndItsReturnOnce() throws Exception {
        farm.start();
        Instant killedAt = Instant.now();

        farm.kill9("n3");

        List<JsonNode> alerts = exactlyOne(killedAt, "ALERT", "n3");
        assertThat(alerts.get(0).path("status").asText()).isEqualTo("DOWN");
        String observer = alerts.get(0).path("observedBy").asText();
        assertThat(observer).isIn("n1", "n2");
        assertThat(farm.metrics(observer)).contains("ringwatch_up{node=\"" + observer + "\"} 1",
                        "ringwatch_target_state{target=\"n3\",state=\"down\"} 1")
                .containsPattern("ringwatch_notifications_total\\{channel=\"chat\",outcome=\"sent\"} [1-9]")
                .containsPattern("ringwatch_checks_total\\{target=\"n3\",result=\"down\"} ([2-9]|[1-9][0-9]+)");
        assertThat(farm.notifications(killedAt, body -> "DOWN".equals(body.path("status").asText())
                && !"n3".equals(body.path("target").asText()))).as("DOWN notifications about anything else").isEmpty();

        Instant restartedAt = Instant.now();
        farm.restart("n3");

        List<JsonNode> recoveries = exactlyOne(restartedAt, "RECOVERY", "n3");
        assertThat(recoveries.get(0).path("incidentKey").asText()).isEqualTo(alerts.get(0).path("incidentKey").asText());

        // alice follows n3 in her own Telegram chat: the alert and the recovery, once each, and nothing to the team chat.
        await().alias("the recovery in alice's chat").atMost(DETECTION_BOUND).pollInterval(Duration.ofMillis(200))
                .until(() -> farm.telegramMessages(killedAt).size() >= 2);
        List<JsonNode> messages = farm.telegramMessages(killedAt);
        assertThat(messages).extracting(message -> message.path("chat_id").asText()).containsOnly(ProcessFarm.ALICE_CHAT);
        assertThat(messages).extracting(message -> message.path("text").asText()).hasSize(2)
                .satisfiesExactly(alert -> assertThat(alert).contains("node n3 DOWN"),
                        recovery -> assertThat(recovery).contains("node n3 UP"));
    }

    @Test
    void aStoppedWebServiceIsOneAlertForTheServiceAndNoneForItsNode() throws Exception {
        farm.start();
        Instant stoppedAt = Instant.now();

        farm.webService("n2").stop();

        List<JsonNode> alerts = exactlyOne(stoppedAt, "ALERT", "n2/web");
        assertThat(alerts.get(0).path("status").asText()).isIn("DOWN", "DEGRADED");
        assertThat(farm.notifications(stoppedAt, "ALERT", "n2")).as("alerts for the node n2").isEmpty();

        farm.webService("n2").restart();

        exactlyOne(stoppedAt, "RECOVERY", "n2/web");
        assertThat(farm.telegramMessages(stoppedAt)).as("alice follows n3 only").isEmpty();
    }

    @Test
    void aNodeCutOffFromItsPeersRaisesNoDown() throws Exception {
        farm.partitionable("n1");
        farm.start();
        Instant cutAt = Instant.now();

        farm.cutOff();

        await("n1 to distrust its own view").atMost(DETECTION_BOUND).pollInterval(Duration.ofMillis(200))
                .until(() -> farm.live("n1").map(live -> live.path("health").asText()).orElse(""), "DEGRADED"::equals);
        await("no DOWN from anyone").during(NO_DUPLICATE_WINDOW.multipliedBy(2)).atMost(NO_DUPLICATE_WINDOW.multipliedBy(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> farm.notifications(cutAt, body -> "DOWN".equals(body.path("status").asText())), List::isEmpty);
    }

    @Test
    void sigtermStopsAnAgentCleanlyWithItsEventLogClosed() throws Exception {
        farm.start();

        int exit = farm.terminate("n4");

        assertThat(exit).as("exit code after SIGTERM (143 = 128 + 15)").isIn(0, 143);
        List<String> lines = Files.readAllLines(farm.eventLog("n4"));
        assertThat(lines.get(lines.size() - 1)).contains("\"kind\":\"ENGINE_STOPPED\"");
    }

    /** Waits for the first matching notification, then checks that no second one follows. */
    private List<JsonNode> exactlyOne(Instant since, String kind, String target) {
        await(kind + " for " + target).atMost(DETECTION_BOUND).pollInterval(Duration.ofMillis(100))
                .until(() -> farm.notifications(since, kind, target), found -> !found.isEmpty());
        await("no second " + kind + " for " + target).during(NO_DUPLICATE_WINDOW).atMost(NO_DUPLICATE_WINDOW.multipliedBy(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> farm.notifications(since, kind, target), found -> found.size() == 1);
        return farm.notifications(since, kind, target);
    }
}
