package io.ringwatch.agent.config;

import io.ringwatch.api.Severity;
import io.ringwatch.engine.routing.Contact;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.engine.routing.TargetPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The {@code contacts} section: the people notifications are for, their address on each
 * channel that reaches them, and the targets each subscribes to. Addresses are personal data:
 * they are never shown.
 */
final class ContactsSchema {
    static final List<String> KEYS = List.of("name", "addresses", "subscribe");
    static final List<String> SUBSCRIPTION_KEYS = List.of("targets", "min-severity", "via");
    static final Severity DEFAULT_MIN_SEVERITY = Severity.WARNING;
    static final String NAME_RULE = "up to 80 letters, digits, '.', '_', '@' or '-', starting with a letter or digit";
    static final String PATTERN_EXAMPLE = "a target pattern such as n3, n3/orders-api, n3/*, */orders-api, web-* or *";

    private ContactsSchema() {
    }

    /**
     * What the section gives.
     *
     * @param contacts the contacts that could be read
     * @param subscriptions their subscriptions, in the file's order
     * @param known every contact name given, for the sections that name contacts
     */
    record Section(List<Contact> contacts, List<Subscription> subscriptions, KnownContacts known) {
        static Section empty() {
            return new Section(List.of(), List.of(), new KnownContacts());
        }
    }

    static Section read(YamlValue contacts, KnownChannels channels) {
        Section section = new Section(new ArrayList<>(), new ArrayList<>(), new KnownContacts());
        Map<String, String> seen = new LinkedHashMap<>();
        for (YamlValue item : contacts.list("contacts").orElse(List.of())) {
            item.map(KEYS).ifPresent(contact -> contact(contact, channels, seen, section));
        }
        return section;
    }

    private static void contact(YamlMap contact, KnownChannels channels, Map<String, String> seen, Section section) {
        Optional<YamlValue> nameValue = contact.required("name", "the contact's name, such as alice");
        Optional<String> given = nameValue.flatMap(value -> value.string("a contact name"));
        Optional<String> name = given.filter(text -> validName(nameValue.get(), text) && unique(nameValue.get(), text, seen));
        Optional<YamlValue> addressesValue = contact.required("addresses",
                "the contact's address on each channel that reaches them, such as ops-telegram: \"123456789\"");
        Optional<YamlMap> addressMap = addressesValue.flatMap(value -> value.secret().map(null));
        Optional<Map<String, String>> addresses = addressMap.flatMap(map -> addresses(map, channels));
        List<String> addressed = addressMap.map(map -> List.copyOf(map.keys())).orElse(List.of());
        Optional<KnownContacts.Entry> entry = given.map(text -> new KnownContacts.Entry(text, addressed));
        entry.ifPresent(section.known()::add);
        List<Subscription> subscriptions = new ArrayList<>();
        contact.get("subscribe").flatMap(value -> value.list("subscriptions: target patterns, or mappings of targets,"
                + " min-severity and via")).orElse(List.of())
                .forEach(item -> subscription(item, entry, channels).ifPresent(subscriptions::add));
        if (name.isEmpty() || addresses.isEmpty()) {
            return;
        }
        try {
            section.contacts().add(new Contact(name.get(), addresses.get()));
        } catch (IllegalArgumentException refused) {
            addressesValue.get().error(refused.getMessage());
        }
        section.subscriptions().addAll(subscriptions);
    }

    private static boolean validName(YamlValue value, String name) {
        try {
            new Contact(name, Map.of());
            return true;
        } catch (IllegalArgumentException invalid) {
            value.error("expected a contact name: " + NAME_RULE + value.text("").map(YamlValue.Text::got).orElse(""));
            return false;
        }
    }

    private static boolean unique(YamlValue value, String name, Map<String, String> seen) {
        String first = seen.putIfAbsent(name, value.path() + " (line " + value.line() + ")");
        if (first != null) {
            value.error("duplicate contact name '" + name + "', already used at " + first);
        }
        return first == null;
    }

    /** The addresses by channel, or empty after reporting what is wrong; no address is ever shown. */
    private static Optional<Map<String, String>> addresses(YamlMap map, KnownChannels channels) {
        if (map.keys().isEmpty()) {
            map.value().error("needs at least one address: the contact's address on a channel, such as ops-telegram: \"123456789\"");
            return Optional.empty();
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        boolean valid = true;
        for (String channel : map.keys()) {
            valid &= channels.exists(map.get(channel).orElse(map.value()), channel);
            String meaning = "the contact's address on channel '" + channel + "'";
            Optional<String> address = map.required(channel, meaning).flatMap(given -> given.string(meaning)
                    .filter(text -> oneLine(given, text)));
            address.ifPresent(text -> addresses.put(channel, text));
            valid &= address.isPresent();
        }
        return valid ? Optional.of(addresses) : Optional.empty();
    }

    private static boolean oneLine(YamlValue value, String address) {
        boolean oneLine = address.chars().noneMatch(Character::isISOControl);
        if (!oneLine) {
            value.error("an address must be one line (value hidden)");
        }
        return oneLine;
    }

    /** One item of {@code subscribe}: a target pattern alone, or a mapping of targets, min-severity and via. */
    private static Optional<Subscription> subscription(YamlValue item, Optional<KnownContacts.Entry> contact,
            KnownChannels channels) {
        if (item.node() instanceof ScalarNode && !item.isNull()) {
            Optional<TargetPattern> targets = pattern(item);
            return contact.isEmpty() || targets.isEmpty() ? Optional.empty()
                    : Optional.of(new Subscription(contact.get().name(), targets.get(), DEFAULT_MIN_SEVERITY, Set.of()));
        }
        Optional<YamlMap> map = item.map(SUBSCRIPTION_KEYS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<TargetPattern> targets = map.get().required("targets", PATTERN_EXAMPLE).flatMap(ContactsSchema::pattern);
        Optional<YamlValue> minimumValue = map.get().get("min-severity");
        Optional<Severity> minimum = minimumValue.isEmpty() ? Optional.of(DEFAULT_MIN_SEVERITY)
                : minimumValue.get().choice(YamlValue.options(Severity.class));
        Optional<YamlValue> viaValue = map.get().get("via");
        Optional<Set<String>> via = viaValue.isEmpty() ? Optional.of(Set.of()) : channels.via(viaValue.get(), contact);
        if (contact.isEmpty() || targets.isEmpty() || minimum.isEmpty() || via.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Subscription(contact.get().name(), targets.get(), minimum.get(), via.get()));
    }

    static Optional<TargetPattern> pattern(YamlValue value) {
        return value.parse(PATTERN_EXAMPLE, text -> Optional.of(TargetPattern.of(text)));
    }
}
