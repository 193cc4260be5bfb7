package io.ringwatch.engine.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person (or a team's room) that notifications are for, with an address on each channel that
 * reaches them: {@code alice} at chat id {@code 123456789} on {@code ops-telegram} and at
 * {@code +15550100} on {@code phone}. {@link #toString()} names the channels, never the addresses.
 *
 * @param name the contact's name, unique among the contacts: letters, digits and {@code . _ @ -}
 * @param addresses the contact's address by channel name, in each channel's own form
 */
public record Contact(String name, Map<String, String> addresses) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,79}");

    /**
     * @throws IllegalArgumentException if the name is not valid, or an address is blank or has a line break
     * @throws NullPointerException if a value is null
     */
    public Contact {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("contact name '" + name + "' is not valid: use up to 80 letters, digits"
                    + " and . _ @ -, starting with a letter or digit");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(addresses, "addresses").forEach((channel, address) -> {
            Objects.requireNonNull(channel, "channel");
            if (Objects.requireNonNull(address, "address").isBlank() || address.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("contact " + name + ": the address on channel '" + channel
                        + "' must be one non-blank line");
            }
            copy.put(channel, address.strip());
        });
        addresses = java.util.Collections.unmodifiableMap(copy);
    }

    /** A contact with these addresses: channel, address, channel, address, ... */
    public static Contact of(String name, String... channelsAndAddresses) {
        if (channelsAndAddresses.length % 2 != 0) {
            throw new IllegalArgumentException("contact " + name + ": give a channel and an address, in pairs");
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 0; i < channelsAndAddresses.length; i += 2) {
            addresses.put(channelsAndAddresses[i], channelsAndAddresses[i + 1]);
        }
        return new Contact(name, addresses);
    }

    /** {@code Contact[alice on ops-telegram, phone]}. */
    @Override
    public String toString() {
        return "Contact[" + name + (addresses.isEmpty() ? "" : " on " + String.join(", ", addresses.keySet())) + "]";
    }
}
