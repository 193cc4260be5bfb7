package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.TargetId;
import org.junit.jupiter.api.Test;

class TargetPatternTest {
    private static final TargetId N3 = TargetId.parse("n3");
    private static final TargetId N3_WEB = TargetId.parse("n3/web");
    private static final TargetId N3_API = TargetId.parse("n3/api");
    private static final TargetId N30 = TargetId.parse("n30");
    private static final TargetId N4_WEB = TargetId.parse("n4/web");

    @Test
    void aNodeNamesItselfAndItsServices() {
        TargetPattern n3 = TargetPattern.parse("n3");

        assertThat(n3.matches(N3)).isTrue();
        assertThat(n3.matches(N3_WEB)).isTrue();
        assertThat(n3.matches(N30)).isFalse();
        assertThat(n3.matches(N4_WEB)).isFalse();
    }

    @Test
    void aServiceNamesOnlyItself() {
        TargetPattern web = TargetPattern.parse("n3/web");

        assertThat(web.matches(N3_WEB)).isTrue();
        assertThat(web.matches(N3)).isFalse();
        assertThat(web.matches(N3_API)).isFalse();
        assertThat(TargetPattern.of(N3_WEB)).isEqualTo(web);
    }

    @Test
    void aStarStandsForAnyPartOfAName() {
        assertThat(TargetPattern.parse("*/web").matches(N3_WEB)).isTrue();
        assertThat(TargetPattern.parse("*/web").matches(N4_WEB)).isTrue();
        assertThat(TargetPattern.parse("*/web").matches(N3_API)).isFalse();
        assertThat(TargetPattern.parse("n3/*").matches(N3_API)).isTrue();
        assertThat(TargetPattern.parse("n3/*").matches(N3)).isFalse();
        assertThat(TargetPattern.parse("n3*").matches(N30)).isTrue();
        assertThat(TargetPattern.parse("*").matches(N4_WEB)).isTrue();
        assertThat(TargetPattern.parse("n.").matches(N30)).as("a dot is a dot").isFalse();
    }

    @Test
    void refusesWhatIsNoTargetSayingWhatIs() {
        assertThatThrownBy(() -> TargetPattern.parse("n3/web/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'n3/web/x' is not a target: write a node (n3, for it and its services) or node/service"
                        + " (n3/orders-api), with * for any part of a name");
        assertThatThrownBy(() -> TargetPattern.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetPattern.parse("n3\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'n3\\n'");
    }
}
