package io.ringwatch.samples.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java examples in README.md compile against the current API: the front page never lies. */
class ReadmeExamplesTest {
    private static final String IMPORTS = """
            import io.ringwatch.api.*;
            import io.ringwatch.engine.*;
            import io.ringwatch.engine.check.*;
            import io.ringwatch.engine.endpoint.*;
            import io.ringwatch.engine.eventlog.*;
            import io.ringwatch.engine.membership.*;
            import io.ringwatch.engine.peer.*;
            import io.ringwatch.engine.routing.*;
            import io.ringwatch.testkit.*;
            import java.net.*;
            import java.nio.file.*;
            import java.time.*;
            import org.junit.jupiter.api.Test;
            import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
            """;

    @Test
    void everyJavaExampleInTheReadmeCompiles(@TempDir Path output) throws IOException {
        List<String> examples = javaBlocks(Files.readString(Path.of("..", "..", "README.md")));
        assertThat(examples).as("java examples in README.md").hasSizeGreaterThanOrEqualTo(2);

        List<JavaFileObject> units = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            units.add(source("Example" + i, unitOf("Example" + i, examples.get(i))));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean compiled = compiler.getTask(null, null, diagnostics,
                List.of("-classpath", classPath, "-d", output.toString(), "-proc:none"), null, units).call();

        assertThat(compiled).as("README examples compile:%n%s", describe(diagnostics.getDiagnostics())).isTrue();
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    /** A class declaration stays as it is; statements go into a method that may throw. */
    private static String unitOf(String name, String example) {
        String trimmed = example.strip();
        if (trimmed.startsWith("@") || trimmed.startsWith("class ")) {
            return IMPORTS + trimmed.replaceFirst("class \\w+", "class " + name);
        }
        return IMPORTS + "class " + name + " {\n void example(Transport transport) throws Exception {\n" + example
                + "\n }\n}\n";
    }

    private static JavaFileObject source(String name, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
            text.append(diagnostic.getKind()).append(" line ").append(diagnostic.getLineNumber()).append(": ")
                    .append(diagnostic.getMessage(Locale.ROOT)).append('\n');
        }
        return text.toString();
    }
}
