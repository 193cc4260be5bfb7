package io.ringwatch.api;

import java.util.Objects;

/**
 * The person a notification is for and where that person is reached on one channel: a
 * Telegram chat id, a phone number, an e-mail address, a Jabber id. Handed to
 * {@link Notifier#send(Notification, Recipient)} by the engine's routing.
 *
 * <p>{@link #toString()} shows the contact's name only: an address is personal data, kept out
 * of logs and events.
 *
 * @param contact the contact's name as configured, such as {@code alice}
 * @param address where the channel reaches the contact, in the channel's own form
 */
public record Recipient(String contact, String address) {

    /**
     * @throws NullPointerException if a value is null
     * @throws IllegalArgumentException if a value is blank or has a line break
     */
    public Recipient {
        contact = oneLine(Objects.requireNonNull(contact, "contact"), "contact");
        address = oneLine(Objects.requireNonNull(address, "address"), "address of " + contact);
    }

    private static String oneLine(String value, String what) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be one non-blank line");
        }
        return trimmed;
    }

    /** {@code Recipient[alice]}: the contact, never the address. */
    @Override
    public String toString() {
        return "Recipient[" + contact + "]";
    }
}
