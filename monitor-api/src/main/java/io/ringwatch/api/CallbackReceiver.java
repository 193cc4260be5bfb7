package io.ringwatch.api;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The part of a channel that takes a provider's HTTP callbacks, such as the key a callee pressed
 * during a call: the node's status endpoint hands it every {@code POST} to
 * {@code /ringwatch/v1/callback/<channel>}. It checks that the provider sent it (a signature),
 * turns it into an {@link InboundMessage} for the {@link Conversation}, and says what to answer
 * the provider. Thread-safe.
 */
public interface CallbackReceiver {

    /**
     * Takes one callback. Never throws: a request that is not the provider's is answered 403,
     * one that makes no sense 400.
     */
    Answer receive(Request request, Conversation conversation);

    /**
     * A callback as it arrived.
     *
     * @param query the raw query string, without {@code ?}; empty if none
     * @param headers the request's headers, by lower-case name (the first value of each)
     * @param body the raw body
     */
    record Request(String query, Map<String, String> headers, byte[] body) {
        /** @throws NullPointerException if a value is null */
        public Request {
            Objects.requireNonNull(query, "query");
            Map<String, String> lower = new TreeMap<>();
            Objects.requireNonNull(headers, "headers").forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
            headers = Map.copyOf(lower);
            body = Objects.requireNonNull(body, "body").clone();
        }

        /** The header of this name, in any case. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** Shows sizes only: a callback holds people's numbers and signatures. */
        @Override
        public String toString() {
            return "CallbackReceiver.Request[" + headers.size() + " header(s), " + body.length + " byte(s)]";
        }
    }

    /**
     * What to answer the provider.
     *
     * @param status the HTTP status
     * @param contentType the body's media type
     * @param body the body, in UTF-8
     */
    record Answer(int status, String contentType, String body) {
        /** @throws NullPointerException if a value is null */
        public Answer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }
}
