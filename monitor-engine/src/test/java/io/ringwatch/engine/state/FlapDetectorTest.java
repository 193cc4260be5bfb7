package io.ringwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Status;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FlapDetectorTest {

    @Test
    void aTargetThatAlternatesOnEveryCheckStartsFlappingOnceAndStopsWhenItSettles() {
        FlapDetector detector = new FlapDetector(0.30, 0.25);
        int started = 0;
        int stopped = 0;
        for (int i = 0; i < 30; i++) {
            if (detector.record(i % 2 == 0 ? Status.UP : Status.DOWN) == FlapDetector.Change.STARTED) {
                started++;
            }
        }
        assertThat(started).isEqualTo(1);
        assertThat(detector.isFlapping()).isTrue();
        for (int i = 0; i < FlapDetector.WINDOW; i++) {
            if (detector.record(Status.UP) == FlapDetector.Change.STOPPED) {
                stopped++;
            }
        }
        assertThat(stopped).isEqualTo(1);
        assertThat(detector.isFlapping()).isFalse();
    }

    @Test
    void anOrdinaryOutageAndRecoveryIsNotFlapping() {
        FlapDetector detector = new FlapDetector(0.30, 0.25);
        List.of(Status.UP, Status.UP, Status.DOWN, Status.DOWN, Status.DOWN, Status.UP, Status.UP)
                .forEach(status -> assertThat(detector.record(status)).isEqualTo(FlapDetector.Change.NONE));
    }

    @Test
    void weighsRecentChangesMoreThanOldOnes() {
        FlapDetector oldChange = new FlapDetector(1, 1);
        FlapDetector newChange = new FlapDetector(1, 1);
        for (int i = 0; i < FlapDetector.WINDOW; i++) {
            oldChange.record(i == 0 ? Status.DOWN : Status.UP);
            newChange.record(i == FlapDetector.WINDOW - 1 ? Status.DOWN : Status.UP);
        }
        assertThat(newChange.changeShare()).isGreaterThan(oldChange.changeShare());
        assertThat(newChange.changeShare()).isCloseTo(1.2 / 20, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rejectsThresholdsThatAreNotOrdered() {
        assertThatThrownBy(() -> new FlapDetector(0.2, 0.3)).hasMessageContaining("0 <= low <= high <= 1");
    }

    @Property
    void theShareOfChangesStaysBetweenZeroAndOne(@ForAll("observations") List<Status> observations) {
        FlapDetector detector = new FlapDetector(0.30, 0.25);
        for (Status status : observations) {
            detector.record(status);
            assertThat(detector.changeShare()).isBetween(0.0, 1.0 + 1e-9);
        }
    }

    @Property
    void aSteadyTargetNeverFlaps(@ForAll Status status) {
        FlapDetector detector = new FlapDetector(0.30, 0.25);
        for (int i = 0; i < 100; i++) {
            assertThat(detector.record(status)).isEqualTo(FlapDetector.Change.NONE);
        }
    }

    @Provide
    Arbitrary<List<Status>> observations() {
        return Arbitraries.of(Status.UP, Status.DEGRADED, Status.DOWN).list().ofMaxSize(100);
    }
}
