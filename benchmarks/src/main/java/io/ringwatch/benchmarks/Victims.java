package io.ringwatch.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which node each run kills: rounds in which every node is killed once, in an order shuffled by
 * the seed, and never the same node twice in a row across rounds. Killing one node again and
 * again would make its watchers see it flapping, and a flapping node's alert is held back until
 * it settles: that would measure the flap detector, not detection. Not thread-safe.
 */
final class Victims {
    private final int nodes;
    private final Random random;
    private final List<Integer> round = new ArrayList<>();
    private int last = -1;

    /**
     * @param nodes how many nodes to choose among, at least 2
     * @throws IllegalArgumentException if {@code nodes} is below 2
     */
    Victims(int nodes, long seed) {
        if (nodes < 2) {
            throw new IllegalArgumentException("needs at least 2 nodes to rotate through, was " + nodes);
        }
        this.nodes = nodes;
        this.random = new Random(seed);
    }

    /** The index, from 0, of the next node to kill. */
    int next() {
        if (round.isEmpty()) {
            for (int i = 0; i < nodes; i++) {
                round.add(i);
            }
            Collections.shuffle(round, random);
            if (round.get(0) == last) {
                Collections.swap(round, 0, nodes - 1);
            }
        }
        last = round.remove(0);
        return last;
    }
}
