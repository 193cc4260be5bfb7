package io.ringwatch.agent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping checked against the keys a section allows: on creation it reports keys that
 * are not plain names, keys given twice, and unknown keys (listing the allowed ones and
 * suggesting the nearest). Not thread-safe.
 */
final class YamlMap {
    private final YamlValue self;
    private final Map<String, YamlValue> entries = new LinkedHashMap<>();

    /** @param allowed the keys this mapping may have, or null for any key */
    YamlMap(YamlValue self, MappingNode mapping, List<String> allowed) {
        this.self = self;
        for (NodeTuple tuple : mapping.getValue()) {
            YamlValue keyValue = self.child("?", tuple.getKeyNode(), self.line());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || keyValue.isNull()) {
                keyValue.error("keys must be plain names, such as interval");
                continue;
            }
            String key = keyNode.getValue();
            int keyLine = keyNode.getStartMark().map(mark -> mark.getLine() + 1).orElse(self.line());
            YamlValue value = self.child(key, tuple.getValueNode(), keyLine);
            if (entries.containsKey(key)) {
                self.problems().add(keyLine, value.path(), "key given twice (first on line " + entries.get(key).line() + ")");
            } else if (allowed != null && !allowed.contains(key)) {
                self.problems().add(keyLine, value.path(), unknown(key, allowed));
            } else {
                entries.put(key, value);
            }
        }
    }

    /** The mapping itself. */
    YamlValue value() {
        return self;
    }

    /** The keys given, in the file's order. */
    Set<String> keys() {
        return entries.keySet();
    }

    /** Whether the key is given, even with an empty value. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The key's value, or empty when it is not given or given without a value. */
    Optional<YamlValue> get(String key) {
        YamlValue value = entries.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** The key's value, or empty after reporting it missing; {@code meaning} says what it is for. */
    Optional<YamlValue> required(String key, String meaning) {
        Optional<YamlValue> value = get(key);
        if (value.isEmpty()) {
            YamlValue given = entries.get(key);
            String path = self.path().isEmpty() ? key : self.path() + "." + key;
            int line = given != null ? given.line() : self.line();
            self.problems().add(line, path, (given != null ? "needs a value: " : "missing required key: ") + meaning);
        }
        return value;
    }

    private static String unknown(String key, List<String> allowed) {
        String suggestion = KeySuggestion.nearest(key, allowed).map(near -> "did you mean '" + near + "'? ").orElse("");
        return "unknown key; " + suggestion + "allowed keys here: " + String.join(", ", allowed);
    }
}
