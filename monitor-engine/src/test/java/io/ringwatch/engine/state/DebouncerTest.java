package io.ringwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private static final Instant START = Instant.parse("1969-12-31T23:59:59.876543211Z");

    @Test
    void confirmsADownAfterTwoFailuresAndStampsItWithTheFirst() {
        Debouncer debouncer = new Debouncer(2, 2);
        assertThat(debouncer.observe(Status.DOWN, START, Status.UP)).isFalse();
        assertThat(debouncer.observe(Status.DOWN, START.plusSeconds(10), Status.UP)).isTrue();
        assertThat(debouncer.streakStart()).isEqualTo(START);
    }

    @Test
    void acceptsTheFirstGoodAnswerOfATargetNeverSeenBefore() {
        assertThat(new Debouncer(2, 3).observe(Status.UP, START, Status.UNKNOWN)).isTrue();
    }

    @Test
    void countsDownAndDegradedTogetherAsTrouble() {
        Debouncer debouncer = new Debouncer(2, 2);
        debouncer.observe(Status.DOWN, START, Status.UP);
        assertThat(debouncer.observe(Status.DEGRADED, START.plusSeconds(10), Status.UP)).isTrue();
    }

    @Test
    void aGoodAnswerBreaksAStreakOfFailures() {
        Debouncer debouncer = new Debouncer(2, 2);
        debouncer.observe(Status.DOWN, START, Status.UP);
        debouncer.observe(Status.UP, START.plusSeconds(10), Status.UP);
        assertThat(debouncer.isPending()).isFalse();
        assertThat(debouncer.observe(Status.DOWN, START.plusSeconds(20), Status.UP)).isFalse();
    }

    /** Runs observations through a debouncer the way the engine does, with no peers to ask. */
    private static List<Status> confirmedAfterEach(List<Status> observations, int confirmations, int recoveries) {
        Debouncer debouncer = new Debouncer(confirmations, recoveries);
        Status confirmed = Status.UNKNOWN;
        List<Status> history = new ArrayList<>();
        Instant at = START;
        for (Status seen : observations) {
            if (debouncer.observe(seen, at, confirmed)) {
                new Transition(confirmed, seen);
                confirmed = seen;
                debouncer.reset();
            }
            history.add(confirmed);
            at = at.plus(Duration.ofSeconds(10));
        }
        return history;
    }

    @Property(tries = 500)
    void troubleIsConfirmedOnlyAfterEnoughBadObservationsInARow(@ForAll("observations") List<Status> observations,
            @ForAll @IntRange(min = 1, max = 4) int confirmations, @ForAll @IntRange(min = 1, max = 4) int recoveries) {
        List<Status> confirmed = confirmedAfterEach(observations, confirmations, recoveries);
        for (int i = 0; i < observations.size(); i++) {
            Status before = i == 0 ? Status.UNKNOWN : confirmed.get(i - 1);
            Status after = confirmed.get(i);
            if (after != before && after.isProblem()) {
                assertThat(i + 1).isGreaterThanOrEqualTo(confirmations);
                assertThat(observations.subList(i + 1 - confirmations, i + 1)).allMatch(Status::isProblem);
                assertThat(observations.get(i)).isEqualTo(after);
            }
            if (after != before && after == Status.UP && before != Status.UNKNOWN) {
                assertThat(observations.subList(i + 1 - recoveries, i + 1)).containsOnly(Status.UP);
            }
        }
    }

    @Property(tries = 500)
    void aBlipShorterThanTheConfirmationCountNeverChangesAnUpTarget(
            @ForAll @IntRange(min = 2, max = 5) int confirmations, @ForAll("blips") List<Integer> blipLengths) {
        List<Status> observations = new ArrayList<>(List.of(Status.UP));
        for (int length : blipLengths) {
            for (int i = 0; i < Math.min(length, confirmations - 1); i++) {
                observations.add(i % 2 == 0 ? Status.DOWN : Status.DEGRADED);
            }
            observations.add(Status.UP);
        }
        assertThat(confirmedAfterEach(observations, confirmations, 2)).containsOnly(Status.UP);
    }

    @Property(tries = 300)
    void anOutageLongerThanTheConfirmationCountIsConfirmedAndItsRecoveryToo(
            @ForAll @IntRange(min = 1, max = 5) int confirmations, @ForAll @IntRange(min = 1, max = 5) int recoveries,
            @ForAll @IntRange(min = 0, max = 20) int extraDown) {
        List<Status> observations = new ArrayList<>(List.of(Status.UP));
        for (int i = 0; i < confirmations + extraDown; i++) {
            observations.add(Status.DOWN);
        }
        for (int i = 0; i < recoveries; i++) {
            observations.add(Status.UP);
        }
        List<Status> confirmed = confirmedAfterEach(observations, confirmations, recoveries);
        assertThat(confirmed.get(confirmations)).isEqualTo(Status.DOWN);
        assertThat(confirmed.get(confirmed.size() - 1)).isEqualTo(Status.UP);
        assertThat(confirmed.stream().distinct()).containsExactly(Status.UP, Status.DOWN);
    }

    @Provide
    Arbitrary<List<Status>> observations() {
        return Arbitraries.of(Status.UP, Status.DEGRADED, Status.DOWN).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Integer>> blips() {
        return Arbitraries.integers().between(1, 10).list().ofMaxSize(10);
    }
}
