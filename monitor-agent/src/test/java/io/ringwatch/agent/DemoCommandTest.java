package io.ringwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.agent.demo.OutageDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo ends by itself, with one alert, one recovery and the event logs. */
class DemoCommandTest {

    @Test
    void showsOneAlertAndOneRecoveryAndWhereTheEventLogsAre(@TempDir Path eventLogs) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = OutageDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8), eventLogs);

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output.lines().filter(line -> line.contains(">> ALERT"))).as(output).hasSize(1);
        assertThat(output.lines().filter(line -> line.contains(">> RECOVERY"))).as(output).hasSize(1);
        assertThat(output).contains("n1 at http://127.0.0.1:", "n3 dies", "n3 comes back", "n3 DOWN",
                "Event logs: " + eventLogs.toAbsolutePath());
        assertThat(eventLogs.resolve("n3.jsonl")).exists();
        try (var files = Files.list(eventLogs)) {
            assertThat(files.count()).isEqualTo(5);
        }
    }
}
