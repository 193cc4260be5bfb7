package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatencyOptionsTest {

    @Test
    void withoutFlagsRunsTheIssuesFiftyKillsOnFiveNodesWithAOneSecondInterval() {
        LatencyOptions options = LatencyOptions.parse();

        assertThat(options).isEqualTo(new LatencyOptions(50, 5, Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofMillis(500), 2, 1, false, Optional.empty()));
        assertThat(options.formulaBound()).isEqualTo(Duration.ofMillis(1700));
    }

    @Test
    void readsEveryFlagWithDurationsInMillisecondsOrSeconds() {
        LatencyOptions options = LatencyOptions.parse("--runs", "80", "--nodes", "7", "--interval", "2s", "--retry", "300ms",
                "--timeout", "400", "--confirmations", "3", "--seed", "9");

        assertThat(options).isEqualTo(new LatencyOptions(80, 7, Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofMillis(400), 3, 9, false, Optional.empty()));
        assertThat(options.formulaBound()).isEqualTo(Duration.ofMillis(2000 + 2 * 300 + 400));
    }

    @Test
    void processesIsASwitchThatTakesNoValueAndMayComeAnywhere() {
        LatencyOptions options = LatencyOptions.parse("--processes", "--runs", "3");

        assertThat(options.processes()).isTrue();
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.agentJar()).isEmpty();
        assertThat(LatencyOptions.parse("--runs", "3", "--processes").processes()).isTrue();
        assertThat(options.describe()).endsWith(" mode=processes");
        assertThat(LatencyOptions.parse().describe()).endsWith(" mode=in-jvm");
    }

    @Test
    void theAgentJarIsGivenWithProcessesOnly() {
        LatencyOptions options = LatencyOptions.parse("--processes", "--agent-jar", "monitor-agent/target/ringwatch-agent.jar");

        assertThat(options.agentJar()).contains(Path.of("monitor-agent/target/ringwatch-agent.jar"));
        assertThatThrownBy(() -> LatencyOptions.parse("--agent-jar", "agent.jar"))
                .hasMessage("--agent-jar goes with --processes");
        assertThatThrownBy(() -> LatencyOptions.parse("--processes", "--agent-jar")).hasMessage("--agent-jar needs a value");
    }

    @Test
    void namesTheFlagWhoseValueIsWrong() {
        assertThatThrownBy(() -> LatencyOptions.parse("--nodes", "2")).hasMessage("--nodes must be between 3 and 32, was 2");
        assertThatThrownBy(() -> LatencyOptions.parse("--runs", "lots")).hasMessage("--runs needs a whole number, was 'lots'");
        assertThatThrownBy(() -> LatencyOptions.parse("--interval", "0s")).hasMessage("--interval must be between 1ms and 60s, was 0s");
        assertThatThrownBy(() -> LatencyOptions.parse("--retry", "1.5s")).hasMessage("--retry needs a whole number, was '1.5'");
        assertThatThrownBy(() -> LatencyOptions.parse("--timeout")).hasMessage("--timeout needs a value");
        assertThatThrownBy(() -> LatencyOptions.parse("--hours", "1")).hasMessage("unknown flag --hours");
    }

    @Test
    void helpIsNotAnError() {
        assertThatThrownBy(() -> LatencyOptions.parse("--help")).isInstanceOf(Options.HelpRequested.class);
    }
}
