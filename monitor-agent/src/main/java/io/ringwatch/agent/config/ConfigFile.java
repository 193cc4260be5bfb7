package io.ringwatch.agent.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the agent's YAML config file. The file is read whole into snakeyaml-engine's node tree,
 * {@code ${VAR}} references in values are replaced from the environment, and every section is
 * checked against the schema in {@code docs/configuration.md}; all errors found are thrown
 * together in one {@link ConfigException}. Thread-safe: each call reads on its own.
 *
 * <pre>{@code
 * AgentConfig config = ConfigFile.load(Path.of("ringwatch.yaml"));
 * }</pre>
 */
public final class ConfigFile {
    /** The file the agent reads when none is named. */
    public static final String DEFAULT_FILE = "ringwatch.yaml";

    private ConfigFile() {
    }

    /**
     * Reads a config file, substituting from {@link System#getenv()}.
     *
     * @throws NullPointerException if {@code file} is null
     * @throws ConfigException with every error found, or one naming the file if it cannot be read
     */
    public static AgentConfig load(Path file) {
        return load(file, System.getenv());
    }

    /**
     * Reads a config file, substituting from {@code environment}.
     *
     * @throws NullPointerException if an argument is null
     * @throws ConfigException with every error found, or one naming the file if it cannot be read
     */
    public static AgentConfig load(Path file, Map<String, String> environment) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(environment, "environment");
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException missing) {
            throw unreadable(file, "no such file (looked in " + file.toAbsolutePath().getParent() + ")");
        } catch (CharacterCodingException notUtf8) {
            throw unreadable(file, "cannot read the file: it is not UTF-8 text");
        } catch (IOException | SecurityException failure) {
            throw unreadable(file, "cannot read the file: " + failure);
        }
        return read(yaml, file.toString(), file, environment);
    }

    /**
     * Reads config text, for tests and tools.
     *
     * @param yaml the file's content
     * @param sourceName the name errors give the file, such as {@code ringwatch.yaml}
     * @param environment where {@code ${VAR}} references are looked up
     * @throws NullPointerException if an argument is null
     * @throws ConfigException with every error found
     */
    public static AgentConfig parse(String yaml, String sourceName, Map<String, String> environment) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(environment, "environment");
        Path source;
        try {
            source = Path.of(sourceName);
        } catch (InvalidPathException notAPath) {
            source = Path.of(DEFAULT_FILE);
        }
        return read(yaml, sourceName, source, environment);
    }

    private static AgentConfig read(String yaml, String sourceName, Path source, Map<String, String> environment) {
        Problems problems = new Problems(sourceName, Map.copyOf(environment));
        Optional<Node> root = compose(yaml, sourceName);
        if (root.isEmpty()) {
            problems.add(1, "", "the file is empty: it needs at least node, secret and members (see ringwatch.example.yaml)");
            problems.throwIfAny();
        }
        return RootSchema.read(YamlValue.root(root.get(), problems), source);
    }

    private static Optional<Node> compose(String yaml, String sourceName) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(sourceName)
                .setSchema(new CoreSchema())
                .setAllowRecursiveKeys(false)
                .build();
        try {
            return new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException syntax) {
            throw new ConfigException(List.of(syntaxError(sourceName, syntax)));
        } catch (YamlEngineException other) {
            throw new ConfigException(List.of(new ConfigError(sourceName, 0, "", "not valid YAML: " + other.getMessage())));
        }
    }

    private static ConfigError syntaxError(String sourceName, MarkedYamlEngineException syntax) {
        Optional<Mark> mark = syntax.getProblemMark().or(syntax::getContextMark);
        int line = mark.map(at -> at.getLine() + 1).orElse(0);
        StringBuilder message = new StringBuilder("YAML syntax error: ").append(syntax.getProblem());
        String context = syntax.getContext();
        if (context != null && !context.isBlank()) {
            message.append(" (").append(context.strip());
            syntax.getContextMark().map(at -> at.getLine() + 1).filter(contextLine -> contextLine != line)
                    .ifPresent(contextLine -> message.append(" on line ").append(contextLine));
            message.append(')');
        }
        return new ConfigError(sourceName, line, "", message.toString().strip());
    }

    private static ConfigException unreadable(Path file, String message) {
        return new ConfigException(List.of(new ConfigError(file.toString(), 0, "", message)));
    }
}
