package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageOptionsTest {

    @Test
    void withoutFlagsRunsTheSmallAndTheWorstHistorySideBySide() {
        PageOptions options = PageOptions.parse();

        assertThat(options).isEqualTo(new PageOptions(List.of(PageOptions.SMALL, PageOptions.WORST), 92, 10, 3, 10, 1,
                Duration.ofSeconds(300)));
        assertThat(PageOptions.SMALL.servicesPerPartner()).isEqualTo(5);
        assertThat(PageOptions.WORST.servicesPerPartner()).isEqualTo(19);
    }

    @Test
    void readsEveryFlag() {
        PageOptions options = PageOptions.parse("--targets", "20", "--flaps-per-day", "5", "--days", "120", "--members", "7",
                "--warmups", "0", "--runs", "4", "--seed", "9", "--budget-seconds", "30");

        assertThat(options).isEqualTo(new PageOptions(List.of(new PageOptions.HistorySize("custom", 20, 5)), 120, 7, 0, 4, 9,
                Duration.ofSeconds(30)));
    }

    @Test
    void aSizeGivenInPartTakesTheRestFromTheSmallOne() {
        assertThat(PageOptions.parse("--flaps-per-day", "20").histories())
                .containsExactly(new PageOptions.HistorySize("custom", 12, 20));
        assertThat(PageOptions.parse("--targets", "40").histories())
                .containsExactly(new PageOptions.HistorySize("custom", 40, 1));
    }

    @Test
    void namesTheFlagWhoseValueIsWrong() {
        assertThatThrownBy(() -> PageOptions.parse("--targets", "13")).hasMessageStartingWith("--targets must be even");
        assertThatThrownBy(() -> PageOptions.parse("--days", "30")).hasMessage("--days must be between 90 and 400, was 30");
        assertThatThrownBy(() -> PageOptions.parse("--members", "2")).hasMessage("--members must be between 3 and 200, was 2");
        assertThatThrownBy(() -> PageOptions.parse("--runs", "0")).hasMessage("--runs must be between 1 and 200, was 0");
        assertThatThrownBy(() -> PageOptions.parse("--seed")).hasMessage("--seed needs a value");
        assertThatThrownBy(() -> PageOptions.parse("--pages", "3")).hasMessage("unknown flag --pages");
        assertThatThrownBy(() -> PageOptions.parse("--help")).isInstanceOf(Options.HelpRequested.class);
    }
}
