package io.ringwatch.agent.config;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.ServiceId;
import io.ringwatch.engine.check.Expectation;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code members} section: the farm's nodes and the services each hosts. */
final class MembersSchema {
    static final List<String> MEMBER_KEYS = List.of("id", "endpoint", "node-check", "services");
    static final List<String> SERVICE_KEYS = List.of("id", "url", "tcp", "expect");
    static final String ID_RULE = "1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private MembersSchema() {
    }

    /** The members that could be read; the others are reported. */
    static List<MemberEntry> read(YamlValue members) {
        List<MemberEntry> result = new ArrayList<>();
        Optional<List<YamlValue>> listed = members.list("members");
        List<YamlValue> items = listed.orElse(List.of());
        if (listed.isPresent() && items.isEmpty()) {
            members.error("needs at least one member");
        }
        Map<NodeId, String> seen = new HashMap<>();
        for (YamlValue item : items) {
            item.map(MEMBER_KEYS).flatMap(member -> member(member, seen)).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<MemberEntry> member(YamlMap member, Map<NodeId, String> seen) {
        Optional<NodeId> id = member.required("id", "the node's name, " + ID_RULE)
                .flatMap(value -> unique(value, nodeId(value), seen, "node id"));
        Optional<URI> endpoint = member.required("endpoint",
                        "the node's status endpoint as partners reach it, such as http://10.0.0.1:7070")
                .flatMap(value -> value.parse(Urls.HTTP_EXAMPLE, Urls::http));
        Optional<NodeCheck> check = member.get("node-check")
                .map(value -> value.choice(YamlValue.options(NodeCheck.class)))
                .orElse(Optional.of(NodeCheck.HTTP));
        List<ServiceEntry> services = member.get("services").map(MembersSchema::services).orElse(List.of());
        if (id.isEmpty() || endpoint.isEmpty() || check.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MemberEntry(id.get(), endpoint.get(), check.get(), services));
    }

    static Optional<NodeId> nodeId(YamlValue value) {
        return value.parse("a node id: " + ID_RULE, text -> Optional.of(NodeId.of(text)));
    }

    private static List<ServiceEntry> services(YamlValue services) {
        List<ServiceEntry> result = new ArrayList<>();
        Map<ServiceId, String> seen = new HashMap<>();
        for (YamlValue item : services.list("services").orElse(List.of())) {
            item.map(SERVICE_KEYS).flatMap(service -> service(service, seen)).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<ServiceEntry> service(YamlMap service, Map<ServiceId, String> seen) {
        Optional<ServiceId> id = service.required("id", "the service's name, " + ID_RULE)
                .flatMap(value -> unique(value,
                        value.parse("a service id: " + ID_RULE, text -> Optional.of(ServiceId.of(text))), seen, "service id"));
        Optional<YamlValue> url = service.get("url");
        Optional<YamlValue> tcp = service.get("tcp");
        Optional<YamlValue> expect = service.get("expect");
        if (url.isPresent() == tcp.isPresent()) {
            service.value().error(url.isPresent() ? "give url or tcp, not both"
                    : "needs url (an http(s) status URL) or tcp (host:port, for a TCP connect check)");
            return Optional.empty();
        }
        if (tcp.isPresent()) {
            expect.ifPresent(value -> value.error("expect applies to url checks only, not to tcp"));
            Optional<Urls.HostPort> address = tcp.get().parse(Urls.HOST_PORT_EXAMPLE, Urls::hostPort);
            return id.isEmpty() || address.isEmpty() ? Optional.empty()
                    : Optional.of(new ServiceEntry.TcpService(id.get(), address.get().host(), address.get().port()));
        }
        Optional<URI> statusUrl = url.get().parse(Urls.HTTP_EXAMPLE, Urls::http);
        Expectation expectation = expect.map(ExpectationSchema::read).orElse(Expectation.ofDefaults());
        return id.isEmpty() || statusUrl.isEmpty() ? Optional.empty()
                : Optional.of(new ServiceEntry.HttpService(id.get(), statusUrl.get(), expectation));
    }

    private static <T> Optional<T> unique(YamlValue value, Optional<T> id, Map<T, String> seen, String what) {
        if (id.isPresent()) {
            String first = seen.putIfAbsent(id.get(), value.path() + " (line " + value.line() + ")");
            if (first != null) {
                value.error("duplicate " + what + " '" + id.get() + "', already used at " + first);
                return Optional.empty();
            }
        }
        return id;
    }
}
