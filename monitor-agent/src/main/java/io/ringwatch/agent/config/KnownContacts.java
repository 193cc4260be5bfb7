package io.ringwatch.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contacts of the {@code contacts} section, by name, for the sections that name them:
 * {@code on-call}, {@code escalation} and {@code mutes}. Holds every name given, even one with
 * errors of its own, so that a mistake is reported once. Not thread-safe.
 */
final class KnownContacts {
    private final Map<String, Entry> contacts = new LinkedHashMap<>();

    /**
     * A contact as the other sections need it.
     *
     * @param name the contact's name
     * @param channels the channels the contact has an address on, in the file's order
     */
    record Entry(String name, List<String> channels) {
        Entry {
            channels = List.copyOf(channels);
        }
    }

    void add(Entry contact) {
        contacts.putIfAbsent(contact.name(), contact);
    }

    Optional<Entry> find(String name) {
        return Optional.ofNullable(contacts.get(name));
    }

    /** The contact {@code value} names, or empty after reporting that there is none of that name. */
    Optional<Entry> reference(YamlValue value) {
        return value.string("a contact's name").flatMap(name -> {
            Optional<Entry> contact = find(name);
            if (contact.isEmpty()) {
                value.error(unknown(name, List.of()));
            }
            return contact;
        });
    }

    /**
     * What to say of a name that is no contact's.
     *
     * @param keywords other words allowed where the name was, offered as suggestions too
     */
    String unknown(String name, List<String> keywords) {
        List<String> candidates = new ArrayList<>(keywords);
        candidates.addAll(contacts.keySet());
        String suggestion = KeySuggestion.nearest(name, candidates).map(near -> "did you mean '" + near + "'? ").orElse("");
        String allowed = keywords.isEmpty() ? "" : "write " + String.join(", ", keywords) + " or a contact's name; ";
        return "no contact is named '" + name + "'; " + suggestion + allowed
                + (contacts.isEmpty() ? "there are no contacts (add them under contacts)"
                        : "contacts: " + String.join(", ", contacts.keySet()));
    }
}
