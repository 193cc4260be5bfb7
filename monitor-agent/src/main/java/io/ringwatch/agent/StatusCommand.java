package io.ringwatch.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.agent.config.AgentConfig;
import io.ringwatch.agent.config.ConfigException;
import io.ringwatch.agent.config.ConfigFile;
import io.ringwatch.agent.config.MemberEntry;
import io.ringwatch.engine.endpoint.EndpointHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringwatch status}: asks a running node what it sees, and prints it as a table. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Asks a running node what it sees.",
                "Prints the node's own health, the partners it watches and their states,",
                "and its own services checked just now. Exit code 0 when the node answered, 1 when it did not,",
                "2 when it refused the secret or the config is wrong."})
public final class StatusCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Ask the node this config file describes, with its secret (default: ringwatch.yaml if --endpoint is not given).")
    private Path config;

    @Option(names = {"-e", "--endpoint"}, paramLabel = "URL",
            description = "Ask the node at this status endpoint, such as http://10.0.0.3:7070.")
    private URI endpoint;

    @Option(names = "--secret-env", paramLabel = "VARIABLE", defaultValue = "RINGWATCH_SECRET",
            description = "With --endpoint: the environment variable that holds the farm's secret (default: ${DEFAULT-VALUE}).")
    private String secretVariable;

    @Option(names = "--json", description = "Print the node's answer as JSON, as it came.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI target;
        Optional<String> secret;
        if (endpoint != null && config != null) {
            err.println("Give --config or --endpoint, not both: --config asks the node the file describes, with its secret.");
            return 2;
        }
        if (endpoint != null) {
            target = endpoint;
            secret = Optional.ofNullable(System.getenv(secretVariable));
        } else {
            Path file = config != null ? config : Path.of("ringwatch.yaml");
            AgentConfig agent;
            try {
                agent = ConfigFile.load(file);
            } catch (ConfigException invalid) {
                err.println(invalid.getMessage());
                return 2;
            }
            target = agent.members().stream().filter(member -> member.id().equals(agent.node()))
                    .map(MemberEntry::endpoint).findFirst().orElseThrow();
            secret = agent.secret();
        }
        return ask(target, secret, out, err);
    }

    private int ask(URI node, Optional<String> secret, PrintWriter out, PrintWriter err) {
        String base = node.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + EndpointHandler.STATUS_PATH)).timeout(TIMEOUT).GET();
        secret.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            err.println("No node answers at " + base + ": connection refused. Is the agent running (systemctl status ringwatch)?");
            return 1;
        } catch (HttpTimeoutException late) {
            err.println("No answer from " + base + " within " + TIMEOUT.toSeconds() + " s.");
            return 1;
        } catch (IOException failure) {
            err.println("Could not reach " + base + ": " + failure.getClass().getSimpleName());
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (response.statusCode() == 401) {
            err.println(base + " refused the secret (401): " + (endpoint != null
                    ? "$" + secretVariable + " must hold the farm's secret." : "the secret in the config file is not the farm's."));
            return 2;
        }
        if (response.statusCode() != 200) {
            err.println(base + " answered HTTP " + response.statusCode() + ": is this a Ringwatch status endpoint?");
            return 1;
        }
        if (json) {
            out.println(response.body());
            return 0;
        }
        try {
            print(new ObjectMapper().readTree(response.body()), base, out);
        } catch (IOException malformed) {
            err.println(base + " did not answer with a Ringwatch status: " + malformed.getClass().getSimpleName());
            return 1;
        }
        return 0;
    }

    private static void print(JsonNode status, String base, PrintWriter out) {
        String health = status.path("health").asText();
        out.println(status.path("node").asText() + " at " + base + ": " + health
                + ("UP".equals(health) ? ", trusts its own view" : ", distrusts its own view: " + status.path("healthReason").asText()));
        out.println("Ring: " + join(status.path("ring")) + "; watching " + join(status.path("watching")));
        out.println();
        String row = "%-28s %-9s %-22s %s%n";
        out.printf(Locale.ROOT, row, "TARGET", "STATUS", "SINCE", "LAST REASON");
        for (JsonNode target : status.path("targets")) {
            String flags = (target.path("flapping").asBoolean() ? " (flapping)" : "")
                    + (target.path("acknowledged").asBoolean() ? " (acknowledged)" : "");
            out.printf(Locale.ROOT, row, target.path("target").asText(), target.path("status").asText() + flags,
                    since(target.path("since")), target.path("reason").asText());
        }
        if (status.path("services").size() > 0) {
            out.println();
            out.println("Own services, checked just now:");
            for (JsonNode service : status.path("services")) {
                out.printf(Locale.ROOT, "  %-26s %-9s %6s ms  %s%n", service.path("service").asText(), service.path("status").asText(),
                        service.path("latencyMs").asText("-"), service.path("reason").asText());
            }
        }
    }

    /** To the second: {@code 2026-11-24T13:02:56Z}. */
    private static String since(JsonNode since) {
        if (since.isNull() || since.isMissingNode()) {
            return "-";
        }
        try {
            return Instant.parse(since.asText()).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException unexpected) {
            return since.asText();
        }
    }

    private static String join(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(node -> text.append(text.length() == 0 ? "" : " ").append(node.asText()));
        return text.length() == 0 ? "nobody" : text.toString();
    }
}
