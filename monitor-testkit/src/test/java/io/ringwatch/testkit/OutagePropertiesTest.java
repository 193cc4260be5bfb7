package io.ringwatch.testkit;

import static io.ringwatch.testkit.RingwatchAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The design's promises about outages, for any farm, any set of crashes and any timing. */
class OutagePropertiesTest {

    /** A farm, its K, the nodes that crash, and when. */
    record Scenario(int nodes, int partners, Set<Integer> crashed, long seed, Duration crashAfter, Duration latency) {
        Set<TargetId> crashedTargets() {
            return crashed.stream().map(i -> TargetId.parse("n" + i)).collect(Collectors.toSet());
        }
    }

    @Property(tries = 150)
    void everyCrashedNodeIsAlertedExactlyOnceAndNothingElseIs(@ForAll("crashes") Scenario scenario) {
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(scenario.nodes()).partners(scenario.partners())
                .seed(scenario.seed()).latency(scenario.latency()).build()) {
            farm.runFor(scenario.crashAfter());
            scenario.crashedTargets().forEach(node -> farm.inject(new Fault.Crash(node.node())));
            farm.runFor(Duration.ofMinutes(30));

            List<Notification> alerts = farm.notifications().alerts();
            for (TargetId crashed : scenario.crashedTargets()) {
                assertThat(alerts.stream().filter(alert -> alert.target().equals(crashed)))
                        .as("alerts for %s in %s", crashed, farm).hasSize(1);
            }
            assertThat(alerts).extracting(Notification::target).allMatch(scenario.crashedTargets()::contains);
        }
    }

    @Property(tries = 100)
    void aBlipShorterThanTheRetryIntervalNeverAlerts(@ForAll @IntRange(min = 3, max = 9) int nodes,
            @ForAll @IntRange(min = 1, max = 3) int partners, @ForAll @LongRange(min = 1, max = 9_999) long blipMillis,
            @ForAll @LongRange(min = 0, max = 600_000) long startMillis, @ForAll boolean wholeNode, @ForAll long seed) {
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(nodes).partners(partners).seed(seed).build()) {
            String victim = "n" + (1 + Math.floorMod(seed, nodes));
            farm.runFor(Duration.ofMinutes(3).plusMillis(startMillis));
            farm.inject(wholeNode ? Fault.crash(victim) : Fault.serviceDown(victim + "/api"))
                    .at(Duration.ofMillis(blipMillis), Fault.recovery(wholeNode ? victim : victim + "/api"))
                    .runFor(Duration.ofMinutes(30));

            assertThat(farm.notifications()).isEmpty();
        }
    }

    @Property(tries = 100)
    void anOutageLongerThanTheDetectionWindowIsAlertedAndItsRecoveryReportedOnce(
            @ForAll @IntRange(min = 3, max = 9) int nodes, @ForAll @IntRange(min = 1, max = 3) int partners,
            @ForAll @LongRange(min = 0, max = 7_200_000) long extraMillis,
            @ForAll @LongRange(min = 0, max = 600_000) long startMillis, @ForAll boolean wholeNode, @ForAll long seed) {
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(nodes).partners(partners).seed(seed).build()) {
            String victim = "n" + (1 + Math.floorMod(seed, nodes));
            TargetId target = TargetId.parse(wholeNode ? victim : victim + "/api");
            farm.runFor(Duration.ofMinutes(3).plusMillis(startMillis));
            farm.inject(wholeNode ? Fault.crash(victim) : Fault.serviceDown(target.toString()))
                    .runFor(farm.detectionWindow().plusMillis(extraMillis))
                    .inject(Fault.recovery(target.toString()))
                    .runFor(farm.detectionWindow());

            assertThat(farm.notifications()).hasExactlyOneAlertFor(target).hasExactlyOneRecoveryFor(target)
                    .hasOneIncidentKeyFor(target);
            assertThat(farm.notifications().notifications()).extracting(Notification::target).containsOnly(target);
        }
    }

    @Property(tries = 40)
    void theLastNodeStandingNeverStaysSilent(@ForAll @IntRange(min = 2, max = 8) int nodes,
            @ForAll @IntRange(min = 1, max = 3) int partners, @ForAll long seed) {
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(nodes).partners(partners).seed(seed).build()) {
            farm.runFor(Duration.ofMinutes(3));
            for (int i = 2; i <= nodes; i++) {
                farm.inject(Fault.crash("n" + i));
            }
            farm.runFor(Duration.ofMinutes(15));

            List<Notification> fromSurvivor = farm.notifications().notifications().stream()
                    .filter(notification -> notification.observer().value().equals("n1")).toList();
            assertThat(fromSurvivor).as("what n1 told people%n%s", farm).isNotEmpty().allSatisfy(notification -> {
                if (notification.kind() == NotificationKind.NOTICE) {
                    assertThat(notification.reason()).contains("either n1 is cut off or its partners are all down");
                } else {
                    assertThat(notification.kind()).isIn(NotificationKind.ALERT, NotificationKind.ESCALATION);
                }
            });
        }
    }

    @Provide
    Arbitrary<Scenario> crashes() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(3, 12);
        return sizes.flatMap(size -> Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, size).set().ofMinSize(1).ofMaxSize(size - 2),
                Arbitraries.longs(),
                Arbitraries.longs().between(0, 600_000).map(millis -> Duration.ofMinutes(3).plusMillis(millis)),
                Arbitraries.longs().between(0, 3_000).map(Duration::ofMillis))
                .as((partners, crashed, seed, after, latency) -> new Scenario(size, partners, new HashSet<>(crashed), seed,
                        after, latency)));
    }
}
