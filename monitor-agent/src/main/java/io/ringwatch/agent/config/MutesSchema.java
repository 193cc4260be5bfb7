package io.ringwatch.agent.config;

import io.ringwatch.engine.routing.Mute;
import io.ringwatch.engine.routing.TargetPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code mutes} section: contacts' mutes known in advance (a holiday, a planned deploy),
 * each silencing the contact's subscriptions to some targets until a time.
 */
final class MutesSchema {
    static final List<String> KEYS = List.of("contact", "targets", "until", "reason");

    private MutesSchema() {
    }

    /** The mutes that could be read. */
    static List<Mute> read(YamlValue mutes, KnownContacts contacts) {
        List<Mute> result = new ArrayList<>();
        for (YamlValue item : mutes.list("mutes").orElse(List.of())) {
            item.map(KEYS).flatMap(mute -> mute(mute, contacts)).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<Mute> mute(YamlMap mute, KnownContacts contacts) {
        Optional<KnownContacts.Entry> contact = mute.required("contact", "whose subscriptions are silent")
                .flatMap(contacts::reference);
        Optional<TargetPattern> targets = mute.required("targets", ContactsSchema.PATTERN_EXAMPLE)
                .flatMap(ContactsSchema::pattern);
        Optional<Instant> until = mute.required("until", "when the mute ends, " + MaintenanceSchema.INSTANT_EXAMPLE)
                .flatMap(MaintenanceSchema::dateTime);
        Optional<String> reason = mute.get("reason").map(value -> value.string("a reason, such as on holiday"))
                .orElse(Optional.of(""));
        if (contact.isEmpty() || targets.isEmpty() || until.isEmpty() || reason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mute(contact.get().name(), targets.get(), until.get(), reason.get()));
    }
}
