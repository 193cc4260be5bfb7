package io.ringwatch.agent.config;

import io.ringwatch.engine.routing.EscalationStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code escalation} section: the steps by which a DOWN that stays unacknowledged reaches
 * more people, each an {@link EscalationStep}.
 */
final class EscalationSchema {
    static final List<String> KEYS = List.of("after", "notify", "via");
    static final String ON_CALL = "on-call";
    static final String NEXT_ON_CALL = "next-on-call";

    private EscalationSchema() {
    }

    /**
     * The steps that could be read.
     *
     * @param hasOnCall whether the file has an {@code on-call} section, which on-call steps need
     */
    static List<EscalationStep> read(YamlValue escalation, KnownContacts contacts, KnownChannels channels,
            boolean hasOnCall) {
        List<EscalationStep> steps = new ArrayList<>();
        Map<Duration, String> delays = new LinkedHashMap<>();
        for (YamlValue item : escalation.list("escalation steps").orElse(List.of())) {
            item.map(KEYS).flatMap(step -> step(step, contacts, channels, hasOnCall, delays)).ifPresent(steps::add);
        }
        return steps;
    }

    private static Optional<EscalationStep> step(YamlMap step, KnownContacts contacts, KnownChannels channels,
            boolean hasOnCall, Map<Duration, String> delays) {
        Optional<Duration> after = step.required("after", "how long after the alert, if nobody acknowledged, such as 10m")
                .flatMap(value -> value.duration().filter(delay -> distinct(value, delay, delays)));
        Optional<YamlValue> notify = step.required("notify", "whom to tell: on-call, next-on-call or a contact's name");
        Optional<String> whom = notify.flatMap(value -> value.string("on-call, next-on-call or a contact's name"));
        Optional<KnownContacts.Entry> contact = Optional.empty();
        boolean known = whom.isPresent();
        if (whom.isPresent() && isOnCall(whom.get())) {
            if (!hasOnCall) {
                notify.get().error("whoever is on call is known only from an on-call section: add one, or name a contact");
                known = false;
            }
        } else if (whom.isPresent()) {
            contact = contacts.find(whom.get());
            if (contact.isEmpty()) {
                notify.get().error(contacts.unknown(whom.get(), List.of(ON_CALL, NEXT_ON_CALL)));
                known = false;
            }
        }
        Optional<YamlValue> viaValue = step.get("via");
        Optional<Set<String>> via = viaValue.isEmpty() ? Optional.of(Set.of()) : channels.via(viaValue.get(), contact);
        if (after.isEmpty() || !known || via.isEmpty()) {
            return Optional.empty();
        }
        EscalationStep.Who who = contact.isPresent() ? EscalationStep.Who.CONTACT
                : whom.get().equals(ON_CALL) ? EscalationStep.Who.ON_CALL : EscalationStep.Who.NEXT_ON_CALL;
        return Optional.of(new EscalationStep(after.get(), who, contact.map(KnownContacts.Entry::name), via.get()));
    }

    private static boolean isOnCall(String whom) {
        return whom.equals(ON_CALL) || whom.equals(NEXT_ON_CALL);
    }

    private static boolean distinct(YamlValue value, Duration delay, Map<Duration, String> delays) {
        String first = delays.putIfAbsent(delay, value.path() + " (line " + value.line() + ")");
        if (first != null) {
            value.error("another step has the same delay, at " + first + ": give each step its own");
        }
        return first == null;
    }
}
