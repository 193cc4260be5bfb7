package io.ringwatch.benchmarks;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.testkit.Fault;
import io.ringwatch.testkit.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A bad but ordinary day, scripted in virtual time so every run is the same: crashes and
 * recoveries (one node twice, two neighbours at once), a flapping service and a partition
 * between a watcher and its partner. Nodes are picked at fixed fractions of the ring, so the
 * script fits any farm of at least {@value #MINIMUM_NODES} nodes; what falls after the end of
 * a shorter run simply does not happen.
 *
 * <p>The sanity check: each crash incident whose detection fits in the run got exactly one
 * {@link NotificationKind#ALERT} for the crashed node. Other notifications are counted and
 * listed, not judged. Not thread-safe: one per run.
 */
final class OutageDay implements Day {
    /** The smallest farm whose picked nodes are all different. */
    static final int MINIMUM_NODES = 20;

    private record Crash(String node, Duration at, Duration recoveredAt) {
    }

    private final List<Crash> crashes = new ArrayList<>();
    private final Set<TargetId> crashedNodes;
    private final String partitioned;
    private final String partner;
    private final String flapping;

    OutageDay(int nodes) {
        String a = pick(nodes, 0.10);
        String b = pick(nodes, 0.50);
        String c = pick(nodes, 0.85);
        crashes.add(new Crash(a, hours(1, 30), hours(2, 15)));
        crashes.add(new Crash(b, hours(5, 0), hours(5, 40)));
        crashes.add(new Crash(c, hours(13, 0), hours(14, 0)));
        crashes.add(new Crash(next(c), hours(13, 0), hours(14, 0)));
        crashes.add(new Crash(b, hours(18, 0), hours(18, 25)));
        this.crashedNodes = crashes.stream().map(crash -> TargetId.parse(crash.node())).collect(Collectors.toSet());
        this.flapping = pick(nodes, 0.30) + "/" + SimulatedCluster.DEFAULT_SERVICE;
        this.partitioned = pick(nodes, 0.70);
        this.partner = next(partitioned);
    }

    @Override
    public void script(SimulatedCluster farm) {
        for (Crash crash : crashes) {
            farm.at(crash.at(), Fault.crash(crash.node()));
            farm.at(crash.recoveredAt(), Fault.recovery(crash.node()));
        }
        farm.at(hours(7, 0), Fault.flapping(flapping));
        farm.at(hours(8, 30), Fault.recovery(flapping));
        farm.at(hours(10, 0), Fault.partition(partitioned, partner));
        farm.at(hours(10, 30), Fault.recovery(partitioned));
    }

    @Override
    public Verdict judge(SimulatedCluster farm, Instant start, Duration ran) {
        List<Notification> sent = farm.notifications().notifications();
        Duration window = farm.detectionWindow();
        List<String> wrong = new ArrayList<>();
        int judged = 0;
        for (Crash crash : crashes) {
            if (crash.at().plus(window).compareTo(ran) > 0) {
                continue;
            }
            judged++;
            TargetId target = TargetId.parse(crash.node());
            Instant from = start.plus(crash.at());
            Instant until = start.plus(crash.recoveredAt()).plus(window);
            long alerts = sent.stream().filter(n -> n.kind() == NotificationKind.ALERT && n.target().equals(target)
                    && !n.at().isBefore(from) && n.at().isBefore(until)).count();
            if (alerts != 1) {
                wrong.add(crash.node() + " crashed at +" + clock(crash.at()) + ": " + alerts + " alerts");
            }
        }
        String detail = judged + " crash incident(s), " + crashedNodes.size() + " node(s): "
                + (wrong.isEmpty() ? "exactly one alert each" : String.join("; ", wrong))
                + "; all notifications " + byKind(sent) + "; alerts about other targets " + otherAlerts(sent);
        if (judged == 0) {
            return Verdict.skip("no crash incident fits in " + ran.toHours() + " h; " + detail);
        }
        return wrong.isEmpty() ? Verdict.pass(detail) : Verdict.fail(detail);
    }

    private static Map<NotificationKind, Long> byKind(List<Notification> sent) {
        Map<NotificationKind, Long> kinds = new EnumMap<>(NotificationKind.class);
        sent.forEach(n -> kinds.merge(n.kind(), 1L, Long::sum));
        return kinds;
    }

    private Map<TargetId, Long> otherAlerts(List<Notification> sent) {
        return sent.stream().filter(n -> n.kind() == NotificationKind.ALERT && !crashedNodes.contains(n.target()))
                .collect(Collectors.groupingBy(Notification::target, TreeMap::new, Collectors.counting()));
    }

    /** The node a fraction of the way round a ring of {@code nodes}, leaving room for its successor. */
    private static String pick(int nodes, double fraction) {
        return "n" + Math.min(1 + (int) (fraction * nodes), nodes - 1);
    }

    private static String next(String node) {
        return "n" + (Integer.parseInt(node.substring(1)) + 1);
    }

    private static Duration hours(int hours, int minutes) {
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    private static String clock(Duration offset) {
        return String.format("%02d:%02d", offset.toHours(), offset.toMinutesPart());
    }
}
