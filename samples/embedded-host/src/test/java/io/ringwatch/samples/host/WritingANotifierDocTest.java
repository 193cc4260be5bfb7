package io.ringwatch.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The excerpts of docs/writing-a-notifier.md are real code: each block that follows a line
 * {@code From [`File.java`](path):} appears in that file, line for line (indentation aside),
 * a {@code // ...} line standing for what was left out.
 */
class WritingANotifierDocTest {
    private static final Path DOCS = Path.of("..", "..", "docs");
    private static final Pattern EXCERPT = Pattern.compile("(?m)^From \\[[^]]*]\\(([^)]+)\\):\\n\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final String LEFT_OUT = "// ...";

    @Test
    void everyExcerptIsInTheFileItNames() throws IOException {
        String doc = Files.readString(DOCS.resolve("writing-a-notifier.md"));
        Matcher excerpt = EXCERPT.matcher(doc);
        int checked = 0;
        while (excerpt.find()) {
            Path file = DOCS.resolve(excerpt.group(1)).normalize();
            List<String> source = stripped(Files.readAllLines(file));
            int from = 0;
            for (List<String> part : parts(excerpt.group(2))) {
                int at = Collections.indexOfSubList(source.subList(from, source.size()), part);
                assertThat(at).as("in %s, after line %d, the lines%n%s", file, from, String.join("\n", part))
                        .isNotNegative();
                from += at + part.size();
            }
            checked++;
        }
        assertThat(checked).as("excerpts checked").isGreaterThanOrEqualTo(14);
    }

    @Test
    void everyJavaBlockIsAnExcerpt() throws IOException {
        String doc = Files.readString(DOCS.resolve("writing-a-notifier.md"));
        long javaBlocks = doc.lines().filter(line -> line.equals("```java")).count();
        long javaExcerpts = EXCERPT.matcher(doc).results().filter(result -> result.group().contains("```java\n")).count();

        assertThat(javaExcerpts).as("java blocks after a 'From [...](...):' line").isEqualTo(javaBlocks);
    }

    /** The excerpt's lines between {@code // ...} lines. */
    private static List<List<String>> parts(String excerpt) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String line : stripped(excerpt.lines().toList())) {
            if (line.equals(LEFT_OUT)) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(line);
            }
        }
        parts.add(part);
        return parts;
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }
}
