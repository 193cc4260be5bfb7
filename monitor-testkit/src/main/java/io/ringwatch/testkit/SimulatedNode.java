package io.ringwatch.testkit;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notifier;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import java.util.ArrayList;
import java.util.List;

/** One node of a simulated farm: its engine, its view of time, its event log and its condition. */
final class SimulatedNode {
    /** What the node is going through. */
    enum Condition { RUNNING, CRASHED, HUNG, PAUSED }

    final NodeId id;
    final Member member;
    final InMemoryEventLog log = new InMemoryEventLog();
    NodeScheduler scheduler;
    MonitorEngine engine;
    /** The channels made for this node's engine (not the farm's shared ones): a crash stops them, receivers included. */
    final List<Notifier> ownChannels = new ArrayList<>();
    Condition condition = Condition.RUNNING;

    SimulatedNode(Member member) {
        this.id = member.id();
        this.member = member;
    }

    /** Whether it answers at all (refused connections are an answer of sorts: see {@link #refuses()}). */
    boolean isSilent() {
        return condition == Condition.HUNG || condition == Condition.PAUSED;
    }

    boolean refuses() {
        return condition == Condition.CRASHED;
    }
}
