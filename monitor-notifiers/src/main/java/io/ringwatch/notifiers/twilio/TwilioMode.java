package io.ringwatch.notifiers.twilio;

import io.ringwatch.api.NotificationKind;
import java.util.Locale;
import java.util.Optional;

/** How a Twilio channel reaches people: by a voice call or by SMS. */
enum TwilioMode {
    /** A voice call ({@code Calls.json}) that reads the notification out. */
    CALL("Calls.json"),
    /** A text message ({@code Messages.json}). */
    SMS("Messages.json");

    private final String resource;

    TwilioMode(String resource) {
        this.resource = resource;
    }

    /**
     * Whether a notification of this kind goes out this way. A text goes out for every kind; a
     * call for every kind but {@link NotificationKind#ACKNOWLEDGED}: an acknowledgement means
     * that someone is on it, and ringing a phone to say so would wake people for nothing.
     */
    boolean reaches(NotificationKind kind) {
        return this == SMS || kind != NotificationKind.ACKNOWLEDGED;
    }

    /** The REST resource that is posted to, under {@code /2010-04-01/Accounts/{AccountSid}/}. */
    String resource() {
        return resource;
    }

    /** {@code call} or {@code sms}, ignoring case; empty for anything else. */
    static Optional<TwilioMode> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "call" -> Optional.of(CALL);
            case "sms" -> Optional.of(SMS);
            default -> Optional.empty();
        };
    }
}
