package io.ringwatch.agent.config;

import io.ringwatch.engine.routing.EscalationStep;
import io.ringwatch.engine.routing.Mute;
import io.ringwatch.engine.routing.OnCallSchedule;
import io.ringwatch.engine.routing.Routing;
import java.util.List;
import java.util.Optional;

/**
 * The routing sections, {@code contacts}, {@code on-call}, {@code escalation} and
 * {@code mutes}, read together into one {@link Routing}: who is told what. Without any of them
 * the routing is {@link Routing#none()}: every channel gets every notification.
 */
final class RoutingSchema {
    static final List<String> KEYS = List.of("contacts", "on-call", "escalation", "mutes");

    private RoutingSchema() {
    }

    /**
     * The routing the file gives; {@link Routing#none()} when it gives none or has errors (which are reported).
     *
     * @param channels the channels read, or empty when the channels section had errors
     */
    static Routing read(YamlMap root, Optional<List<ChannelEntry>> channels) {
        Problems problems = root.value().problems();
        int before = problems.count();
        KnownChannels knownChannels = new KnownChannels(channels);
        ContactsSchema.Section contacts = root.get("contacts").map(value -> ContactsSchema.read(value, knownChannels))
                .orElse(ContactsSchema.Section.empty());
        Optional<YamlMap> onCallSection = root.get("on-call").flatMap(value -> value.map(OnCallSchema.KEYS));
        Optional<OnCallSchedule> onCall = onCallSection.flatMap(section -> OnCallSchema.read(section, contacts.known()));
        List<EscalationStep> escalation = root.get("escalation").map(value -> EscalationSchema.read(value,
                contacts.known(), knownChannels, root.get("on-call").isPresent())).orElse(List.of());
        List<Mute> mutes = root.get("mutes").map(value -> MutesSchema.read(value, contacts.known())).orElse(List.of());
        if (problems.count() > before) {
            return Routing.none();
        }
        Routing.Builder routing = Routing.builder();
        contacts.contacts().forEach(routing::contact);
        contacts.subscriptions().forEach(routing::subscribe);
        onCall.ifPresent(routing::onCall);
        escalation.forEach(routing::escalate);
        mutes.forEach(routing::mute);
        try {
            return routing.build();
        } catch (IllegalArgumentException refused) {
            root.get("contacts").orElse(root.value()).error(refused.getMessage());
            return Routing.none();
        }
    }
}
