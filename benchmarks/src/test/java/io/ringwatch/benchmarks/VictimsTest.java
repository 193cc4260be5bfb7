package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VictimsTest {

    @Test
    void killsEveryNodeOncePerRound() {
        List<Integer> order = draw(new Victims(5, 1), 20);

        for (int round = 0; round < 4; round++) {
            assertThat(order.subList(round * 5, round * 5 + 5)).as("round %d of %s", round, order)
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @Test
    void neverKillsTheSameNodeTwiceInARowEvenAcrossRounds() {
        for (long seed = -50; seed < 50; seed++) {
            List<Integer> order = draw(new Victims(3, seed), 60);
            for (int i = 1; i < order.size(); i++) {
                assertThat(order.get(i)).as("seed %d, run %d of %s", seed, i, order).isNotEqualTo(order.get(i - 1));
            }
        }
    }

    @Test
    void theSameSeedKillsInTheSameOrder() {
        assertThat(draw(new Victims(5, 42), 15)).isEqualTo(draw(new Victims(5, 42), 15));
    }

    @Test
    void needsSomeoneElseToKillNext() {
        assertThatThrownBy(() -> new Victims(1, 1)).hasMessage("needs at least 2 nodes to rotate through, was 1");
    }

    private static List<Integer> draw(Victims victims, int count) {
        List<Integer> order = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> order.add(victims.next()));
        return order;
    }
}
