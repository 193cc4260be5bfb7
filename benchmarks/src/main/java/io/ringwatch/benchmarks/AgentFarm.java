package io.ringwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.endpoint.EndpointHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * N agent processes on 127.0.0.1, each its own JVM with its own config file, event log and log
 * file in one temporary directory, watching each other over HTTP with a shared secret and
 * notifying a {@link WebhookInbox} in this JVM. A kill is {@code kill -9} of the agent's JVM; a
 * boot starts a new JVM on the same port. The secret and the webhook's URL reach the agents
 * through their environment.
 *
 * <p>Driven by one thread; its methods are synchronized only so that the shutdown hook, which
 * stops every agent if the harness is cut short, does not race with them. Close it to stop
 * every agent: SIGTERM to all, up to {@value #STOP_BOUND_SECONDS} s for them to go, then SIGKILL.
 */
final class AgentFarm implements LatencyFarm {
    /** How long the agents may take to start and see each other UP the first time. */
    static final Duration START_BOUND = Duration.ofSeconds(90);
    static final long STOP_BOUND_SECONDS = 15;
    private static final Duration START_POLL = Duration.ofMillis(200);
    private static final Duration ASK_BOUND = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final Path directory;
    private final List<NodeId> nodes;
    private final List<Integer> ports;
    private final AgentJvm[] agents;
    private final Arrivals arrivals = new Arrivals();
    private final String secret = Loopback.newSecret();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(ASK_BOUND).build();
    private final Thread shutdownHook = new Thread(this::stopAll, "ringwatch-latency-agents-stop");
    private WebhookInbox inbox;

    private AgentFarm(Path jar, Path directory, List<NodeId> nodes, List<Integer> ports) {
        this.jar = jar;
        this.directory = directory;
        this.nodes = nodes;
        this.ports = ports;
        this.agents = new AgentJvm[nodes.size()];
    }

    /**
     * Reserves a port per node and writes each node's config into a new temporary directory;
     * starts nothing yet.
     *
     * @param jar what to start the agents from, see {@link AgentJvm#jar}
     * @throws UncheckedIOException if the directory or a file cannot be written
     */
    static AgentFarm prepare(LatencyOptions options, Path jar) {
        List<NodeId> nodes = IntStream.rangeClosed(1, options.nodes()).mapToObj(i -> NodeId.of("n" + i)).toList();
        List<Integer> ports = nodes.stream().map(node -> Loopback.freePort()).toList();
        try {
            Path directory = Files.createTempDirectory("ringwatch-latency-");
            AgentFarm farm = new AgentFarm(jar, directory, nodes, ports);
            for (NodeId node : nodes) {
                Files.writeString(farm.config(node), AgentYaml.of(node, nodes, ports, options, farm.eventLog(node)));
            }
            return farm;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write the agents' configs", failure);
        }
    }

    /** Where the agents' configs, event logs and output are. */
    Path directory() {
        return directory;
    }

    /**
     * Serves the webhook, starts every agent and waits until the farm is steady.
     *
     * @throws IllegalStateException if it is not steady within {@link #START_BOUND}; the farm is closed then
     * @throws InterruptedException if interrupted while waiting; the farm is closed then
     */
    void start() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            synchronized (this) {
                inbox = WebhookInbox.start(arrivals);
                for (int i = 0; i < nodes.size(); i++) {
                    boot(i);
                }
            }
            if (!Polling.until(this::isSteady, START_BOUND, START_POLL)) {
                throw new IllegalStateException("the agents did not all see each other UP within " + START_BOUND.toSeconds()
                        + " s; their output is in " + directory);
            }
        } catch (RuntimeException | InterruptedException failure) {
            close();
            throw failure;
        }
    }

    @Override
    public List<NodeId> nodes() {
        return nodes;
    }

    @Override
    public Arrivals arrivals() {
        return arrivals;
    }

    /** SIGKILLs the node's JVM and waits until it is gone, so that its port is free again. */
    @Override
    public synchronized void kill(int index) throws InterruptedException {
        AgentJvm agent = agents[index];
        if (agent == null) {
            throw new IllegalStateException(nodes.get(index) + " is not running");
        }
        agents[index] = null;
        agent.kill9();
    }

    /** Starts a new JVM for the node on its port; does not wait for it to answer. */
    @Override
    public synchronized void boot(int index) {
        if (agents[index] != null) {
            throw new IllegalStateException(nodes.get(index) + " runs already");
        }
        NodeId node = nodes.get(index);
        agents[index] = AgentJvm.start(jar, node, config(node),
                Map.of(AgentYaml.SECRET_VARIABLE, secret, AgentYaml.WEBHOOK_VARIABLE, inbox.url()), directory.resolve(node.value() + ".log"));
    }

    /** Asks each agent for its status (with the secret), each question bounded by 2 s. */
    @Override
    public boolean isSteady() {
        for (int i = 0; i < nodes.size(); i++) {
            AgentJvm agent;
            synchronized (this) {
                agent = agents[i];
            }
            if (agent == null || !agent.isAlive() || !seesEveryWatchedNodeUp(ports.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** How many webhook requests were not notifications; 0 unless the agents and the harness disagree on the body. */
    int unreadableNotifications() {
        return inbox == null ? 0 : inbox.unreadable();
    }

    private boolean seesEveryWatchedNodeUp(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + EndpointHandler.STATUS_PATH))
                .header("Authorization", "Bearer " + secret).timeout(ASK_BOUND).build();
        JsonNode status;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            status = JSON.readTree(response.body());
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        Set<String> upAndSteady = new HashSet<>();
        for (JsonNode target : status.path("targets")) {
            if ("UP".equals(target.path("status").asText()) && !target.path("flapping").asBoolean(true)) {
                upAndSteady.add(target.path("target").asText());
            }
        }
        JsonNode watching = status.path("watching");
        if (watching.isEmpty()) {
            return false;
        }
        for (JsonNode watched : watching) {
            if (!upAndSteady.contains(watched.asText())) {
                return false;
            }
        }
        return true;
    }

    /** SIGTERM to every agent, up to {@value #STOP_BOUND_SECONDS} s for all of them to go, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs or has run stopAll.
        }
        stopAll();
    }

    private synchronized void stopAll() {
        // All at once, so that no agent watches another one stop and reports it.
        for (AgentJvm agent : agents) {
            if (agent != null) {
                agent.requestStop();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(STOP_BOUND_SECONDS).toNanos();
        try {
            for (int i = 0; i < agents.length; i++) {
                if (agents[i] != null) {
                    agents[i].awaitOrKill(deadline);
                    agents[i] = null;
                }
            }
        } catch (InterruptedException interrupted) {
            for (AgentJvm agent : agents) {
                if (agent != null) {
                    agent.killNow();
                }
            }
            Thread.currentThread().interrupt();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    private Path config(NodeId node) {
        return directory.resolve(node.value() + ".yaml");
    }

    private Path eventLog(NodeId node) {
        return directory.resolve(node.value() + "-events.jsonl");
    }
}
