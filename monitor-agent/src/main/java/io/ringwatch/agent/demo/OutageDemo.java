package io.ringwatch.agent.demo;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.eventlog.EventLogReader;
import io.ringwatch.engine.eventlog.HumanEventFormat;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.ring.Ring;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;

/**
 * Five nodes on loopback watch each other over real HTTP; {@code n3} dies and comes back. Shows
 * the ring, each node's state as its watchers see it whenever it changes, the notifications as
 * they go out, and the outage as the event log tells it. Ends by itself within about half a
 * minute: 0 when the alert and the recovery arrived, 1 when one did not in time.
 */
public final class OutageDemo {
    /** The node that dies. */
    public static final NodeId FAILING_NODE = NodeId.of("n3");
    private static final int NODES = 5;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STEP_BOUND = Duration.ofSeconds(20);
    /** How long the failed node stays down after the alert, so that its state can be seen. */
    private static final Duration DWELL = Duration.ofSeconds(3);
    private static final Set<EventKind> STORY = EnumSet.of(EventKind.PROBE_FAILED, EventKind.STATE_CHANGED,
            EventKind.CHECK_DISPUTED, EventKind.NOTIFICATION_SENT, EventKind.NOTIFICATION_FAILED);

    private final PrintStream out;
    private final Path eventLogs;
    private final MonitorConfig config = config();
    private final DemoClock clock = new DemoClock();
    private final List<DemoNotifier.Received> inbox = DemoNotifier.inbox();
    private final String secret = newSecret();
    private List<DemoNode> nodes;
    private List<Member> members;
    private String lastStates = "";

    private OutageDemo(PrintStream out, Path eventLogs) {
        this.out = out;
        this.eventLogs = eventLogs;
    }

    /**
     * Runs the demo, printing to {@code out}.
     *
     * @param eventLogs where each node's event log goes (created if missing)
     * @return 0 when the alert and the recovery arrived in time, 1 otherwise
     * @throws IOException if an event log cannot be written or read
     * @throws InterruptedException if interrupted while waiting
     */
    public static int run(PrintStream out, Path eventLogs) throws IOException, InterruptedException {
        return new OutageDemo(out, eventLogs).play();
    }

    /** A check every second: the defaults tightened so that the demo is short (they check every minute). */
    static MonitorConfig config() {
        return MonitorConfig.custom()
                .interval(Duration.ofSeconds(1))
                .timeout(Duration.ofMillis(500))
                .retryInterval(Duration.ofMillis(250))
                .confirmations(2)
                .recoveries(2)
                .peerTimeout(Duration.ofSeconds(1))
                .handoffDelay(Duration.ofMillis(500))
                .notifierTimeout(Duration.ofSeconds(2))
                .build();
    }

    private int play() throws IOException, InterruptedException {
        Files.createDirectories(eventLogs);
        nodes = new ArrayList<>();
        try {
            for (int i = 1; i <= NODES; i++) {
                nodes.add(DemoNode.reserve("n" + i));
            }
            members = nodes.stream().map(DemoNode::member).toList();
            introduce();
            for (DemoNode node : nodes) {
                boot(node);
            }
            if (!await("every node seen UP by its watchers", this::everyNodeUp)) {
                return 1;
            }
            DemoNode failing = nodes.stream().filter(node -> node.id().equals(FAILING_NODE)).findFirst().orElseThrow();
            say(FAILING_NODE + " dies: its agent, status endpoint and web service stop at once, as with kill -9.");
            Instant diedAt = Instant.now();
            failing.die();
            if (!await("the alert for " + FAILING_NODE, () -> received(NotificationKind.ALERT).isPresent())) {
                return 1;
            }
            Duration detection = Duration.between(diedAt, received(NotificationKind.ALERT).orElseThrow().at());
            hold(DWELL);
            say(FAILING_NODE + " comes back: a fresh agent on the same ports, as after a reboot.");
            boot(failing);
            if (!await("the recovery of " + FAILING_NODE, () -> received(NotificationKind.RECOVERY).isPresent())) {
                return 1;
            }
            nodes.forEach(DemoNode::stop);
            summarize(detection);
            return 0;
        } finally {
            nodes.forEach(DemoNode::stop);
        }
    }

    private void introduce() {
        out.println("Ringwatch demo: " + NODES + " nodes on 127.0.0.1, each with a status endpoint and a web service, "
                + "talking real HTTP.");
        out.println("Each node checks its next " + config.partners() + " partners every " + seconds(config.interval())
                + " (the default is every minute), and confirms a failure with the target's other watcher.");
        Ring ring = Ring.of(members.stream().map(Member::id).toList(), config.partners());
        for (Member member : members) {
            out.println("  " + member.id() + " at " + member.endpoint() + " watches "
                    + String.join(", ", ring.watchList(member.id(), node -> false).stream().map(NodeId::value).toList()));
        }
        out.println("Event logs: " + eventLogs.toAbsolutePath());
        out.println();
    }

    private void boot(DemoNode node) throws IOException {
        node.boot(members, config, secret, eventLogs.resolve(node.id() + ".jsonl"),
                new DemoNotifier("demo-chat", out, clock, inbox));
    }

    /** Waits for {@code condition}, printing the farm's states whenever they change. */
    private boolean await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_BOUND.toNanos();
        while (true) {
            printStatesIfChanged();
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                out.println(clock.stamp() + " FAILED: no " + what + " within " + seconds(STEP_BOUND));
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Lets the farm run for {@code time}, printing its states when they change. */
    private void hold(Duration time) throws InterruptedException {
        long until = System.nanoTime() + time.toNanos();
        while (System.nanoTime() - until < 0) {
            printStatesIfChanged();
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean everyNodeUp() {
        return members.stream().allMatch(member -> seenAs(member.id()) == Status.UP);
    }

    private Optional<DemoNotifier.Received> received(NotificationKind kind) {
        return inbox.stream().filter(received -> received.notification().kind() == kind
                && received.notification().target().equals(TargetId.node(FAILING_NODE))).findFirst();
    }

    /** A node's state as its running watchers see it: the worst any of them has confirmed. */
    private Status seenAs(NodeId node) {
        Status worst = Status.UNKNOWN;
        for (DemoNode watcher : nodes) {
            MonitorEngine engine = watcher.engine();
            if (engine == null || watcher.id().equals(node)) {
                continue;
            }
            Status seen = engine.view().statusOf(TargetId.node(node));
            if (seen != Status.UNKNOWN && (worst == Status.UNKNOWN || seen.compareTo(worst) > 0)) {
                worst = seen;
            }
        }
        return worst;
    }

    private void printStatesIfChanged() {
        StringJoiner states = new StringJoiner("   ");
        for (Member member : members) {
            Status seen = seenAs(member.id());
            states.add(member.id() + " " + (seen == Status.UNKNOWN ? "?" : seen.name()));
        }
        if (!states.toString().equals(lastStates)) {
            lastStates = states.toString();
            out.println(clock.stamp() + " " + lastStates);
        }
    }

    private void say(String line) {
        out.println(clock.stamp() + " " + line);
    }

    private void summarize(Duration detection) throws IOException {
        out.println();
        out.println("Summary");
        long alerts = inbox.stream().filter(received -> received.notification().kind() == NotificationKind.ALERT).count();
        out.println("  " + inbox.size() + " notification(s) went out, " + alerts + " of them an alert: one per failure,"
                + " from the nearest watcher.");
        Duration jitter = Duration.ofMillis(Math.round(config.interval().toMillis() * config.jitter()));
        Duration bound = config.interval().plus(jitter).plus(config.retryInterval().multipliedBy(config.confirmations() - 1))
                .plus(config.timeout());
        out.println("  Detection took " + seconds(detection) + "; the formula interval + jitter + (confirmations - 1) x retry"
                + " + timeout gives at most " + seconds(bound) + ", plus the question to the other watcher.");
        NodeId alerter = received(NotificationKind.ALERT).orElseThrow().notification().observer();
        Path log = eventLogs.resolve(alerter + ".jsonl");
        out.println("  The outage in " + alerter + "'s event log (" + log.toAbsolutePath() + "):");
        for (Event event : EventLogReader.read(log).events()) {
            if (STORY.contains(event.kind()) && TargetId.node(FAILING_NODE).equals(event.target())) {
                out.println("    " + HumanEventFormat.format(event));
            }
        }
        out.println("  Every node's event log (JSON lines): " + eventLogs.toAbsolutePath());
    }

    private static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
