package io.ringwatch.agent.config;

import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MaintenanceWindow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code maintenance} section: windows when a node or service is expected to be in trouble. */
final class MaintenanceSchema {
    static final List<String> KEYS = List.of("target", "from", "until", "reason");
    static final String DEFAULT_REASON = "planned maintenance";
    static final String INSTANT_EXAMPLE = "a date and time such as 2026-12-01T22:00:00Z";

    private MaintenanceSchema() {
    }

    /**
     * The windows that could be read.
     *
     * @param members the members, to check the targets against; empty when they had errors
     */
    static List<MaintenanceWindow> read(YamlValue maintenance, Optional<List<MemberEntry>> members) {
        List<MaintenanceWindow> result = new ArrayList<>();
        for (YamlValue item : maintenance.list("maintenance windows").orElse(List.of())) {
            item.map(KEYS).flatMap(window -> window(window, members)).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<MaintenanceWindow> window(YamlMap window, Optional<List<MemberEntry>> members) {
        Optional<TargetId> target = window.required("target", "the node or node/service, such as n3 or n3/orders-api")
                .flatMap(value -> value.parse("a node or node/service, such as n3 or n3/orders-api",
                        text -> Optional.of(TargetId.parse(text))).filter(id -> members.isEmpty() || known(value, id, members.get())));
        Optional<YamlValue> fromValue = window.required("from", "when the window opens, " + INSTANT_EXAMPLE);
        Optional<YamlValue> untilValue = window.required("until", "when it closes, " + INSTANT_EXAMPLE);
        Optional<Instant> from = fromValue.flatMap(MaintenanceSchema::dateTime);
        Optional<Instant> until = untilValue.flatMap(MaintenanceSchema::dateTime);
        String reason = window.get("reason").flatMap(value -> value.string("a reason, such as kernel upgrade"))
                .orElse(DEFAULT_REASON);
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            untilValue.get().error("must be after from (line " + fromValue.get().line() + ")");
            return Optional.empty();
        }
        if (target.isEmpty() || from.isEmpty() || until.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceWindow(target.get(), from.get(), until.get(), reason));
    }

    private static boolean known(YamlValue value, TargetId target, List<MemberEntry> members) {
        Optional<MemberEntry> member = members.stream().filter(entry -> entry.id().equals(target.node())).findFirst();
        if (member.isEmpty()) {
            value.error("no member '" + target.node() + "' (members: "
                    + members.stream().map(entry -> entry.id().value()).collect(Collectors.joining(", ")) + ")");
            return false;
        }
        if (target.service().isPresent()
                && member.get().services().stream().noneMatch(service -> service.id().equals(target.service().get()))) {
            value.error("node " + target.node() + " has no service '" + target.service().get() + "'");
            return false;
        }
        return true;
    }

    /** A date and time with an offset, such as {@code 2026-12-01T22:00:00Z}. */
    static Optional<Instant> dateTime(YamlValue value) {
        return value.parse(INSTANT_EXAMPLE, MaintenanceSchema::instant);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
