package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void withoutFlagsRunsTheIssuesFarmOnceWarmedAndThreeTimesMeasured() {
        Options options = Options.parse();

        assertThat(options).isEqualTo(new Options(1000, 24, List.of(2), 1, 3, Scenario.QUIET, 1, Duration.ofSeconds(600)));
        assertThat(options.comparing()).isFalse();
    }

    @Test
    void readsEveryFlag() {
        Options options = Options.parse("--nodes", "50", "--hours", "2", "--partners", "3", "--warmups", "0", "--runs", "5",
                "--scenario", "outages", "--seed", "7", "--budget-seconds", "30");

        assertThat(options).isEqualTo(new Options(50, 2, List.of(3), 0, 5, Scenario.OUTAGES, 7, Duration.ofSeconds(30)));
    }

    @Test
    void comparesPartnerCountsInTheOrderGiven() {
        Options options = Options.parse("--compare-partners", "3, 2");

        assertThat(options.partners()).containsExactly(3, 2);
        assertThat(options.comparing()).isTrue();
    }

    @Test
    void namesTheFlagWhoseValueIsWrong() {
        assertThatThrownBy(() -> Options.parse("--nodes", "0")).hasMessage("--nodes must be between 1 and 100000, was 0");
        assertThatThrownBy(() -> Options.parse("--runs", "many")).hasMessage("--runs needs a whole number, was 'many'");
        assertThatThrownBy(() -> Options.parse("--hours")).hasMessage("--hours needs a value");
        assertThatThrownBy(() -> Options.parse("--scenario", "loud")).hasMessage("--scenario must be one of quiet|outages, was loud");
        assertThatThrownBy(() -> Options.parse("--verbose")).hasMessage("unknown flag --verbose");
    }

    @Test
    void refusesComparisonsThatCompareNothingAndConflictingPartnerFlags() {
        assertThatThrownBy(() -> Options.parse("--compare-partners", "2")).hasMessageContaining("at least two values");
        assertThatThrownBy(() -> Options.parse("--compare-partners", "2,2")).hasMessageContaining("K=2 twice");
        assertThatThrownBy(() -> Options.parse("--partners", "2", "--compare-partners", "2,3"))
                .hasMessage("give --partners or --compare-partners, not both");
    }

    @Test
    void refusesAnOutageDayOnAFarmTooSmallForItsScript() {
        assertThatThrownBy(() -> Options.parse("--nodes", "19", "--scenario", "outages"))
                .hasMessage("--scenario outages needs at least 20 nodes, was 19");
    }

    @Test
    void helpIsNotAnError() {
        assertThatThrownBy(() -> Options.parse("--nodes", "5", "--help")).isInstanceOf(Options.HelpRequested.class);
    }
}
