package io.ringwatch.agent.config;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.DeliveryPolicy;
import io.ringwatch.engine.MaintenanceWindow;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.ring.RingOrder;
import io.ringwatch.engine.routing.Routing;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The top level of the file: reads every section, then checks what ties them together. */
final class RootSchema {
    static final List<String> KEYS = List.of("node", "listen", "secret", "insecure", "members", "ring", "timing",
            "confirm-with-peers", "control-target", "channels", "delivery", "event-log", "maintenance", "contacts",
            "on-call", "escalation", "mutes", "status-page");
    static final List<String> LISTEN_KEYS = List.of("address", "port");
    static final List<String> RING_KEYS = List.of("partners", "order");

    private RootSchema() {
    }

    /**
     * @throws ConfigException with every error found
     */
    static AgentConfig read(YamlValue root, Path source) {
        Problems problems = root.problems();
        YamlMap map = root.map(KEYS).orElse(null);
        if (map == null) {
            problems.throwIfAny();
        }
        Optional<NodeId> node = map.required("node", "this machine's node id, one of the members")
                .flatMap(MembersSchema::nodeId);
        Optional<YamlMap> listen = map.get("listen").flatMap(value -> value.map(LISTEN_KEYS));
        String address = listen.flatMap(section -> section.get("address"))
                .flatMap(value -> value.string("an address to listen on, such as 0.0.0.0"))
                .orElse(AgentConfig.DEFAULT_LISTEN_ADDRESS);
        int port = listen.flatMap(section -> section.get("port")).flatMap(value -> value.integer(0, 65535))
                .orElse(AgentConfig.DEFAULT_LISTEN_PORT);
        boolean insecure = map.get("insecure").flatMap(YamlValue::bool).orElse(false);
        Optional<String> secret = secret(map, insecure);

        int before = problems.count();
        List<MemberEntry> members = map.required("members", "the farm's nodes, in ring order")
                .map(MembersSchema::read).orElse(List.of());
        Optional<List<MemberEntry>> checkedMembers = problems.count() == before ? Optional.of(members) : Optional.empty();
        node.ifPresent(self -> checkSelfIsMember(map, self, checkedMembers));

        Optional<YamlMap> ring = map.get("ring").flatMap(value -> value.map(RING_KEYS));
        RingOrder order = ring.flatMap(section -> section.get("order"))
                .flatMap(value -> value.choice(YamlValue.options(RingOrder.class))).orElse(RingOrder.CONFIGURED);
        MonitorConfig monitorConfig = TimingSchema.read(map.get("timing").flatMap(value -> value.map(TimingSchema.KEYS)),
                ring.flatMap(section -> section.get("partners")), map.get("confirm-with-peers"));
        Optional<ControlTarget> controlTarget = map.get("control-target").flatMap(RootSchema::controlTarget);
        int beforeChannels = problems.count();
        List<ChannelEntry> channels = map.get("channels").map(ChannelsSchema::read).orElse(List.of());
        Optional<List<ChannelEntry>> checkedChannels = problems.count() == beforeChannels ? Optional.of(channels)
                : Optional.empty();
        DeliveryPolicy deliveryPolicy = DeliverySchema.read(map.get("delivery").flatMap(value -> value.map(DeliverySchema.KEYS)));
        Optional<EventLogEntry> eventLog = EventLogSchema.read(map.get("event-log"), node);
        List<MaintenanceWindow> maintenance = map.get("maintenance")
                .map(value -> MaintenanceSchema.read(value, checkedMembers)).orElse(List.of());
        Routing routing = RoutingSchema.read(map, checkedChannels);
        StatusPageEntry statusPage = StatusPageSchema.read(map.get("status-page")
                .flatMap(value -> value.map(StatusPageSchema.KEYS)));

        problems.throwIfAny();
        return new AgentConfig(source, node.orElseThrow(), address, port, secret, insecure, members, order,
                monitorConfig, controlTarget, channels, deliveryPolicy, eventLog.orElseThrow(), maintenance, routing,
                statusPage);
    }

    private static Optional<String> secret(YamlMap map, boolean insecure) {
        Optional<YamlValue> value = insecure ? map.get("secret").map(YamlValue::secret)
                : map.required("secret", "the secret shared by all nodes, at least " + AgentConfig.MIN_SECRET_LENGTH
                        + " characters, such as ${RINGWATCH_SECRET}; or set insecure: true to run without one")
                        .map(YamlValue::secret);
        return value.flatMap(secret -> secret.text("a secret of at least " + AgentConfig.MIN_SECRET_LENGTH + " characters")
                .map(YamlValue.Text::value)
                .filter(text -> {
                    boolean longEnough = text.length() >= AgentConfig.MIN_SECRET_LENGTH;
                    if (!longEnough) {
                        secret.error("must be at least " + AgentConfig.MIN_SECRET_LENGTH + " characters long (value hidden)");
                    }
                    return longEnough;
                }));
    }

    private static void checkSelfIsMember(YamlMap map, NodeId self, Optional<List<MemberEntry>> members) {
        if (members.isPresent() && members.get().stream().noneMatch(member -> member.id().equals(self))) {
            map.get("node").orElseThrow().error("'" + self + "' is not among the members ("
                    + members.get().stream().map(member -> member.id().value()).collect(Collectors.joining(", "))
                    + "): add it to members, or set node to this machine's id");
        }
        if (members.isPresent() && members.get().stream()
                .anyMatch(member -> member.id().equals(self) && member.nodeCheck() == NodeCheck.TCP)) {
            map.get("node").orElseThrow().error("'" + self + "' has node-check: tcp, which marks a machine that runs no"
                    + " agent: this machine runs it, so give its member node-check: http (the default)");
        }
    }

    /** {@code tcp://host:port}, {@code ping://host}, or an http(s) URL. */
    private static Optional<ControlTarget> controlTarget(YamlValue value) {
        return value.parse("tcp://host:port, ping://host or an http(s) URL, such as tcp://10.0.0.254:53", text -> {
            if (text.toLowerCase(Locale.ROOT).startsWith("ping://")) {
                String host = text.substring("ping://".length());
                return host.isEmpty() || host.contains("/") || host.contains(":") && !host.startsWith("[")
                        ? Optional.empty() : Optional.of(new ControlTarget.Ping(host.replace("[", "").replace("]", "")));
            }
            if (text.toLowerCase(Locale.ROOT).startsWith("tcp://")) {
                return Urls.hostPort(text.substring("tcp://".length()))
                        .map(address -> new ControlTarget.Tcp(address.host(), address.port()));
            }
            Optional<URI> url = Urls.http(text);
            return url.map(ControlTarget.Http::new);
        });
    }
}
