package io.ringwatch.engine.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RingPropertiesTest {

    /** A ring, its K, its watched-only nodes (machines that run no engine), and the nodes that have failed. */
    record Farm(Ring ring, Set<NodeId> failed) {
        /** The live nodes that run an engine: the ones that watch. */
        List<NodeId> live() {
            return ring.members().stream().filter(node -> !failed.contains(node) && ring.watches(node)).toList();
        }

        /** For each node, the live nodes whose watch list holds it. */
        Map<NodeId, Set<NodeId>> watchedBy() {
            Map<NodeId, Set<NodeId>> watchedBy = new HashMap<>();
            ring.members().forEach(node -> watchedBy.put(node, new HashSet<>()));
            for (NodeId watcher : live()) {
                for (NodeId watched : ring.watchList(watcher, failed::contains)) {
                    watchedBy.get(watched).add(watcher);
                }
            }
            return watchedBy;
        }
    }

    @Property(tries = 500)
    void everyNodeLiveOrDeadIsWatchedByMinOfKAndLiveOthersLiveNodes(@ForAll("farms") Farm farm) {
        int live = farm.live().size();
        int k = farm.ring().partners();
        farm.watchedBy().forEach((node, watchers) -> {
            int others = farm.live().contains(node) ? live - 1 : live;
            assertThat(watchers).as("live watchers of %s in %s with %s failed", node, farm.ring(), farm.failed())
                    .hasSize(Math.min(k, others));
        });
    }

    @Property(tries = 500)
    void noFailedNodeIsReportedByMoreThanKWatchers(@ForAll("farms") Farm farm) {
        for (NodeId failed : farm.failed()) {
            assertThat(farm.watchedBy().get(failed)).hasSizeLessThanOrEqualTo(farm.ring().partners());
        }
    }

    @Property(tries = 500)
    void watchersOfANodeAreExactlyTheLiveNodesWhoseWatchListHoldsIt(@ForAll("farms") Farm farm) {
        Map<NodeId, Set<NodeId>> watchedBy = farm.watchedBy();
        for (NodeId node : farm.ring().members()) {
            assertThat(farm.ring().watchersOf(node, farm.failed()::contains))
                    .containsExactlyInAnyOrderElementsOf(watchedBy.get(node));
        }
    }

    @Property(tries = 500)
    void everyWatchedNodeHasExactlyOneNearestWatcher(@ForAll("farms") Farm farm) {
        for (NodeId node : farm.ring().members()) {
            List<NodeId> watchers = farm.ring().watchersOf(node, farm.failed()::contains);
            long nearest = watchers.stream()
                    .filter(watcher -> farm.ring().liveBetween(watcher, node, farm.failed()::contains).isEmpty())
                    .count();
            assertThat(nearest).isEqualTo(watchers.isEmpty() ? 0 : 1);
            if (!watchers.isEmpty()) {
                assertThat(farm.ring().liveBetween(watchers.get(0), node, farm.failed()::contains)).isEmpty();
            }
        }
    }

    @Property(tries = 300)
    void adjacentFailuresNeverLeaveANodeUnwatched(@ForAll("farmsWithARunOfFailures") Farm farm) {
        if (farm.live().size() < 2) {
            return;
        }
        farm.watchedBy().forEach((node, watchers) -> assertThat(watchers)
                .as("watchers of %s with %s failed", node, farm.failed()).isNotEmpty());
    }

    @Property(tries = 200)
    void hashedOrderIsTheSameWhateverTheConfiguredOrder(@ForAll("farms") Farm farm) {
        List<NodeId> reversed = new ArrayList<>(farm.ring().members());
        java.util.Collections.reverse(reversed);
        assertThat(Ring.of(reversed, RingOrder.HASHED, 2).members())
                .isEqualTo(Ring.of(farm.ring().members(), RingOrder.HASHED, 2).members());
    }

    @Property(tries = 300)
    void aNodeThatRunsNoEngineWatchesNobodyAndIsNobodysWitness(@ForAll("farms") Farm farm) {
        for (NodeId node : farm.ring().members()) {
            if (!farm.ring().watches(node)) {
                assertThat(farm.watchedBy().values()).noneMatch(watchers -> watchers.contains(node));
                farm.ring().members().forEach(other -> assertThat(farm.ring().watchersOf(other, farm.failed()::contains))
                        .doesNotContain(node));
                assertThat(farm.ring().predecessors(farm.ring().members().get(0))).doesNotContain(node);
            }
        }
    }

    /** Farms in which some nodes have failed and, one time in two, some run no engine. */
    @Provide
    Arbitrary<Farm> farms() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(2, 200);
        Arbitrary<Integer> ks = Arbitraries.integers().between(1, 4);
        return Combinators.combine(sizes, ks).flatAs((size, k) -> {
            Arbitrary<Set<Integer>> positions = Arbitraries.integers().between(0, size - 1).set().ofMaxSize(size);
            Arbitrary<Set<Integer>> watchedOnly = Arbitraries.oneOf(Arbitraries.just(Set.of()), positions);
            return Combinators.combine(positions, watchedOnly).as((failed, passive) -> farm(size, k, failed, passive));
        });
    }

    @Provide
    Arbitrary<Farm> farmsWithARunOfFailures() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(3, 120);
        Arbitrary<Integer> ks = Arbitraries.integers().between(1, 4);
        return Combinators.combine(sizes, ks).flatAs((size, k) -> Combinators.combine(
                        Arbitraries.integers().between(0, size - 1), Arbitraries.integers().between(2, size - 1))
                .as((start, length) -> farm(size, k,
                        IntStream.range(start, start + length).map(i -> i % size).boxed().collect(java.util.stream.Collectors.toSet()))));
    }

    private static Farm farm(int size, int k, Set<Integer> failedPositions) {
        return farm(size, k, failedPositions, Set.of());
    }

    private static Farm farm(int size, int k, Set<Integer> failedPositions, Set<Integer> watchedOnlyPositions) {
        List<NodeId> nodes = IntStream.range(0, size).mapToObj(i -> NodeId.of("n" + i)).toList();
        Set<NodeId> failed = new HashSet<>();
        failedPositions.forEach(position -> failed.add(nodes.get(position)));
        Set<NodeId> watchedOnly = new HashSet<>();
        watchedOnlyPositions.forEach(position -> watchedOnly.add(nodes.get(position)));
        return new Farm(Ring.of(nodes, RingOrder.CONFIGURED, k, watchedOnly), failed);
    }
}
