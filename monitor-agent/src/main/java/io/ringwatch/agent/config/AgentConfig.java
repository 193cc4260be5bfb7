package io.ringwatch.agent.config;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.engine.MaintenanceWindow;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.ring.RingOrder;
import io.ringwatch.engine.routing.Routing;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked agent config file: everything a node needs to run. Read one with
 * {@link ConfigFile#load(Path)}. The secret, the channels' settings and the contacts'
 * addresses never appear in {@link #toString()}. Thread-safe; immutable but for the
 * {@link #routing()}, whose subscriptions, mutes and overrides can be changed.
 *
 * @param source the file it was read from
 * @param node this machine's node, one of the members
 * @param listenAddress the address the status endpoint binds to, such as {@code 0.0.0.0}
 * @param listenPort the status endpoint's port, 0 for any free port
 * @param secret the secret shared by all nodes; empty only when {@code insecure}
 * @param insecure whether the node may run without a secret, its peer questions unauthenticated
 * @param members the farm, in the configured order
 * @param ringOrder how the members are placed on the ring
 * @param monitorConfig timings and thresholds, with the partners and confirm-with-peers
 * @param controlTarget the check a node must pass to trust its own view, if any
 * @param channels the notification channels, in the configured order
 * @param deliveryPolicy how hard notifications are tried: attempts, backoff, suspension of a failing channel
 * @param eventLog where and how events are written
 * @param maintenance the configured maintenance windows
 * @param routing who is told what: contacts, subscriptions, mutes, the on-call schedule and the
 *        escalation policy, as the file gives them; {@link Routing#none()} when it gives none, so
 *        that every channel gets every notification. It can change while an engine runs: give
 *        an engine its own {@link Routing#copy()}
 * @param statusPage whether the status page is served at {@code /}, with its title and refresh
 */
public record AgentConfig(
        Path source,
        NodeId node,
        String listenAddress,
        int listenPort,
        Optional<String> secret,
        boolean insecure,
        List<MemberEntry> members,
        RingOrder ringOrder,
        MonitorConfig monitorConfig,
        Optional<ControlTarget> controlTarget,
        List<ChannelEntry> channels,
        DeliveryPolicy deliveryPolicy,
        EventLogEntry eventLog,
        List<MaintenanceWindow> maintenance,
        Routing routing,
        StatusPageEntry statusPage) {

    /** Listens on every address by default. */
    public static final String DEFAULT_LISTEN_ADDRESS = "0.0.0.0";
    /** The status endpoint's default port. */
    public static final int DEFAULT_LISTEN_PORT = 7070;
    /** The shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 16;

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code node} is not among the members, or there is no
     *         secret and {@code insecure} is false
     */
    public AgentConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(listenAddress, "listenAddress");
        Objects.requireNonNull(secret, "secret");
        members = List.copyOf(members);
        Objects.requireNonNull(ringOrder, "ringOrder");
        Objects.requireNonNull(monitorConfig, "monitorConfig");
        Objects.requireNonNull(controlTarget, "controlTarget");
        channels = List.copyOf(channels);
        Objects.requireNonNull(deliveryPolicy, "deliveryPolicy");
        Objects.requireNonNull(eventLog, "eventLog");
        maintenance = List.copyOf(maintenance);
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(statusPage, "statusPage");
        if (members.stream().noneMatch(member -> member.id().equals(node))) {
            throw new IllegalArgumentException("node " + node + " is not among the members");
        }
        if (secret.isEmpty() && !insecure) {
            throw new IllegalArgumentException("a secret is needed unless insecure is true");
        }
    }

    /** This machine's own entry among the members. */
    public MemberEntry self() {
        return members.stream().filter(member -> member.id().equals(node)).findFirst().orElseThrow();
    }

    /** The member with this id, if there is one. */
    public Optional<MemberEntry> member(NodeId id) {
        return members.stream().filter(member -> member.id().equals(id)).findFirst();
    }

    /** Shows everything but the secret's value, the channels' settings and the contacts' addresses. */
    @Override
    public String toString() {
        return "AgentConfig[source=" + source + ", node=" + node + ", listen=" + listenAddress + ":" + listenPort
                + ", secret=" + (secret.isPresent() ? "(hidden)" : "none") + ", insecure=" + insecure
                + ", members=" + members + ", ringOrder=" + ringOrder + ", monitorConfig=" + monitorConfig
                + ", controlTarget=" + controlTarget + ", channels=" + channels + ", eventLog=" + eventLog
                + ", maintenance=" + maintenance + ", routing=" + routing + ", statusPage=" + statusPage + "]";
    }
}
