package io.ringwatch.agent.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The channels of the {@code channels} section, for the routing sections that name them: a
 * contact's addresses and the {@code via} lists. When the channels had errors of their own,
 * names are taken as they are (the channels' errors say what to fix first). Not thread-safe.
 */
final class KnownChannels {
    private final Optional<List<ChannelEntry>> channels;

    /** @param channels the channels read, or empty when the section had errors */
    KnownChannels(Optional<List<ChannelEntry>> channels) {
        this.channels = channels;
    }

    /** Whether {@code name}, given at {@code value}, is a channel; reports it if not. */
    boolean exists(YamlValue value, String name) {
        if (channels.isEmpty() || names().contains(name)) {
            return true;
        }
        String suggestion = KeySuggestion.nearest(name, names()).map(near -> "did you mean '" + near + "'? ").orElse("");
        value.error(names().isEmpty() ? "no channel is named '" + name + "': there are no channels (add it under channels)"
                : "no channel is named '" + name + "'; " + suggestion + "channels: " + String.join(", ", names()));
        return false;
    }

    /**
     * A {@code via}: one channel name or a list of them, each a channel that is not a standby
     * and, when {@code contact} is given, one on which that contact has an address.
     *
     * @param contact the contact's name and the channels they have an address on, when known
     * @return the channels, or empty after reporting what is wrong
     */
    Optional<Set<String>> via(YamlValue value, Optional<KnownContacts.Entry> contact) {
        List<YamlValue> items = value.node() instanceof ScalarNode ? List.of(value)
                : value.list("channel names").orElse(null);
        if (items == null) {
            return Optional.empty();
        }
        Set<String> via = new LinkedHashSet<>();
        boolean valid = true;
        for (YamlValue item : items) {
            Optional<String> name = item.string("a channel name");
            valid &= name.isPresent() && exists(item, name.get()) && notStandby(item, name.get())
                    && addressed(item, name.get(), contact);
            name.ifPresent(via::add);
        }
        return valid ? Optional.of(via) : Optional.empty();
    }

    private boolean notStandby(YamlValue value, String name) {
        boolean standby = channels.isPresent()
                && channels.get().stream().anyMatch(channel -> channel.failover().equals(Optional.of(name)));
        if (standby) {
            value.error("channel '" + name + "' is a standby: it gets only what the channel it stands in for gives up,"
                    + " so it cannot be chosen here");
        }
        return !standby;
    }

    private static boolean addressed(YamlValue value, String name, Optional<KnownContacts.Entry> contact) {
        if (contact.isEmpty() || contact.get().channels().contains(name)) {
            return true;
        }
        String contactName = contact.get().name();
        value.error("contact " + contactName + " has no address on channel '" + name + "'; " + contactName
                + (contact.get().channels().isEmpty() ? " has no addresses"
                        : " has addresses on: " + String.join(", ", contact.get().channels())));
        return false;
    }

    private List<String> names() {
        return channels.orElse(List.of()).stream().map(ChannelEntry::name).toList();
    }
}
