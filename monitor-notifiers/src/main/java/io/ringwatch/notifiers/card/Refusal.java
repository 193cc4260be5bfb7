package io.ringwatch.notifiers.card;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The failure of a provider that answered but did not deliver, as an {@link IOException} whose
 * message names the channel, the provider, the HTTP status and, when the answer held one, the
 * provider's error code: {@code channel 'ops': Slack answered HTTP 404 (channel_not_found)}. A
 * code is shown only if it looks like one (letters, digits, {@code _ . -}, at most 64), so that
 * an answer echoing a token or a URL never ends up in a message. Thread-safe: no state.
 */
public final class Refusal {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private Refusal() {
    }

    /** {@code candidate}, stripped, if it looks like an error code; empty otherwise. */
    public static Optional<String> code(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String stripped = candidate.strip();
        return CODE.matcher(stripped).matches() ? Optional.of(stripped) : Optional.empty();
    }

    /** {@code channel 'x': Slack answered HTTP 404 (channel_not_found)}, or without the code. */
    public static IOException answered(String channel, String provider, int status, Optional<String> code) {
        return new IOException("channel '" + channel + "': " + provider + " answered HTTP " + status
                + code.flatMap(Refusal::code).map(c -> " (" + c + ")").orElse(""));
    }
}
