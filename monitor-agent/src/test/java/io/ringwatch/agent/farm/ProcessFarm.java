package io.ringwatch.agent.farm;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ringwatch.engine.endpoint.EndpointHandler;
import org.awaitility.Awaitility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Five agents, each its own JVM on 127.0.0.1 with its config file, its web service (in this
 * JVM) and its event log; their chat channel is a webhook on a WireMock server, which also
 * stands in for Telegram's Bot API: contact alice follows n3 there, in her own chat. One node may
 * be given paths to the others that the test can cut (a partition seen from that node only).
 */
final class ProcessFarm implements AutoCloseable {
    static final String WEBHOOK_PATH = "/hooks/chat";
    static final String TELEGRAM_TOKEN = "123456789:AAH-farm-test-token_0123456789";
    static final String TELEGRAM_PATH = "/bot" + TELEGRAM_TOKEN + "/sendMessage";
    /** The chat of the Telegram channel itself: with a contact on the channel, it gets nothing. */
    static final String TEAM_CHAT = "-100200300";
    /** Contact alice's own chat, her address on the Telegram channel. */
    static final String ALICE_CHAT = "111222333";
    private static final Duration START_BOUND = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final Path directory;
    private final WireMockServer webhook;
    private final List<String> nodes = new ArrayList<>();
    private final Map<String, Integer> endpointPorts = new LinkedHashMap<>();
    private final Map<String, LoopbackWebService> services = new LinkedHashMap<>();
    private final Map<String, AgentProcess> agents = new HashMap<>();
    private final List<CuttableProxy> proxies = new ArrayList<>();
    /** Sockets that hold the agents' ports until the agents start. */
    private final List<ServerSocket> reservations = new ArrayList<>();
    private final String secret = newSecret();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String partitionable;

    static {
        // If the test JVM itself is stopped (a cancelled build), its agents must not run on.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "farm-it-cleanup"));
    }

    ProcessFarm(Path jar, Path directory, WireMockServer webhook, int size) {
        this.jar = jar;
        this.directory = directory;
        this.webhook = webhook;
        for (int i = 1; i <= size; i++) {
            String node = "n" + i;
            nodes.add(node);
            ServerSocket reservation = reservePort();
            reservations.add(reservation);
            endpointPorts.put(node, reservation.getLocalPort());
            services.put(node, LoopbackWebService.start());
        }
    }

    /** Routes everything {@code node} reaches through paths that {@link #cutOff} can cut. Call before {@link #start}. */
    void partitionable(String node) {
        partitionable = node;
    }

    /** Starts every agent and waits until each answers and sees its partners and their services UP. */
    void start() throws IOException {
        for (String node : nodes) {
            Files.writeString(config(node), yaml(node));
        }
        // The agents' ports stayed bound while the web services and proxies took theirs, so that
        // none of those could take an agent's port; they are let go only now.
        for (ServerSocket reservation : reservations) {
            reservation.close();
        }
        reservations.clear();
        nodes.forEach(this::launch);
        await("every node sees its partners UP", START_BOUND, this::everyTargetUp);
    }

    void kill9(String node) throws InterruptedException {
        agents.remove(node).kill9();
    }

    /** Starts the node's agent again, as after a reboot, and waits until it answers. */
    void restart(String node) {
        launch(node);
        await(node + " answering", START_BOUND, () -> live(node).isPresent());
    }

    LoopbackWebService webService(String node) {
        return services.get(node);
    }

    /** Cuts every path from the partitionable node to the others; the others still reach it. */
    void cutOff() {
        proxies.forEach(CuttableProxy::cut);
    }

    /** The node's own liveness answer ({@code health}, {@code reason}), if it answers. */
    Optional<JsonNode> live(String node) {
        return get(node, EndpointHandler.LIVE_PATH, false);
    }

    /** The node's Prometheus metrics, as a scraper gets them (no secret). */
    String metrics(String node) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + endpointPorts.get(node) + EndpointHandler.METRICS_PATH)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** Notifications that reached the webhook since {@code since} and match. */
    List<JsonNode> notifications(Instant since, Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        for (LoggedRequest request : webhook.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH)))) {
            if (!request.getLoggedDate().before(Date.from(since))) {
                JsonNode body = parse(request.getBodyAsString());
                if (which.test(body)) {
                    found.add(body);
                }
            }
        }
        return found;
    }

    /** The Telegram messages (sendMessage bodies) that reached the stand-in since {@code since}. */
    List<JsonNode> telegramMessages(Instant since) {
        List<JsonNode> found = new ArrayList<>();
        for (LoggedRequest request : webhook.findAll(postRequestedFor(urlEqualTo(TELEGRAM_PATH)))) {
            if (!request.getLoggedDate().before(Date.from(since))) {
                found.add(parse(request.getBodyAsString()));
            }
        }
        return found;
    }

    /** Notifications of this kind about this target since {@code since}. */
    List<JsonNode> notifications(Instant since, String kind, String target) {
        return notifications(since, body -> kind.equals(body.path("kind").asText()) && target.equals(body.path("target").asText()));
    }

    /** Stops every agent with SIGTERM, and everything else. */
    @Override
    public void close() throws InterruptedException {
        try {
            // All at once, so that no agent watches another one stop and reports it.
            agents.values().forEach(AgentProcess::requestStop);
            for (AgentProcess agent : agents.values()) {
                agent.terminate();
            }
        } finally {
            agents.values().forEach(AgentProcess::kill);
            agents.clear();
            services.values().forEach(LoopbackWebService::close);
            proxies.forEach(CuttableProxy::close);
            for (ServerSocket reservation : reservations) {
                try {
                    reservation.close();
                } catch (IOException ignored) {
                    // a port held for an agent that never started
                }
            }
        }
    }

    /** Stops one agent with SIGTERM and returns its exit code. */
    int terminate(String node) throws InterruptedException {
        return agents.remove(node).terminate();
    }

    Path eventLog(String node) {
        return directory.resolve(node + "-events.jsonl");
    }

    private void launch(String node) {
        agents.put(node, AgentProcess.start(jar, node, config(node),
                Map.of("RINGWATCH_SECRET", secret, "CHAT_WEBHOOK_URL", "http://127.0.0.1:" + webhook.port() + WEBHOOK_PATH,
                        "TELEGRAM_TOKEN", TELEGRAM_TOKEN),
                directory.resolve(node + ".log")));
    }

    private boolean everyTargetUp() {
        for (String node : nodes) {
            Optional<JsonNode> status = get(node, EndpointHandler.STATUS_PATH, true);
            if (status.isEmpty() || status.get().path("targets").size() == 0) {
                return false;
            }
            for (JsonNode target : status.get().path("targets")) {
                if (!"UP".equals(target.path("status").asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    private Optional<JsonNode> get(String node, String path, boolean withSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpointPorts.get(node) + path))
                .timeout(Duration.ofSeconds(5));
        if (withSecret) {
            request.header("Authorization", "Bearer " + secret);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (IOException notAnswering) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Path config(String node) {
        return directory.resolve(node + ".yaml");
    }

    /** The node's config: the same farm for all, but the partitionable node reaches the others through proxies. */
    private String yaml(String node) {
        StringBuilder members = new StringBuilder();
        for (String member : nodes) {
            int endpoint = endpointPorts.get(member);
            int web = services.get(member).port();
            if (node.equals(partitionable) && !member.equals(node)) {
                endpoint = proxy(endpoint);
                web = proxy(web);
            }
            members.append("  - id: ").append(member).append('\n')
                    .append("    endpoint: http://127.0.0.1:").append(endpoint).append('\n')
                    .append("    services:\n")
                    .append("      - id: web\n")
                    .append("        url: http://127.0.0.1:").append(web).append("/health\n")
                    .append("        expect:\n")
                    .append("          health-status-up: true\n");
        }
        return "node: " + node + "\n"
                + "listen:\n  address: 127.0.0.1\n  port: " + endpointPorts.get(node) + "\n"
                + "secret: ${RINGWATCH_SECRET}\n"
                + "members:\n" + members
                + "timing:\n"
                + "  interval: 1s\n"
                + "  timeout: 500ms\n"
                + "  retry-interval: 250ms\n"
                + "  confirmations: 2\n"
                + "  recoveries: 2\n"
                + "  peer-timeout: 2s\n"
                + "  handoff-delay: 500ms\n"
                + "  notifier-timeout: 5s\n"
                + "channels:\n"
                + "  - name: chat\n"
                + "    provider: webhook\n"
                + "    settings:\n"
                + "      url: ${CHAT_WEBHOOK_URL}\n"
                + "  - name: ops-telegram\n"
                + "    provider: telegram\n"
                + "    settings:\n"
                + "      token: ${TELEGRAM_TOKEN}\n"
                + "      chat-id: \"" + TEAM_CHAT + "\"\n"
                + "      api-url: http://127.0.0.1:" + webhook.port() + "\n"
                + "contacts:\n"
                + "  - name: alice\n"
                + "    addresses: { ops-telegram: \"" + ALICE_CHAT + "\" }\n"
                + "    subscribe:\n"
                + "      - { targets: n3, min-severity: warning }\n"
                + "event-log:\n"
                + "  path: " + eventLog(node) + "\n";
    }

    private int proxy(int port) {
        CuttableProxy proxy = CuttableProxy.to(port);
        proxies.add(proxy);
        return proxy.port();
    }

    private static void await(String what, Duration bound, Callable<Boolean> condition) {
        Awaitility.await().alias(what).atMost(bound).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    private static ServerSocket reservePort() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
