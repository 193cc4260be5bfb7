package io.ringwatch.engine.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What came back from a service's status URL: an HTTP answer, or none. Transports produce
 * these; an {@link Expectation} judges them. Immutable and thread-safe.
 */
public sealed interface ServiceResponse {

    /** How long it took until the answer (or until giving up). */
    Duration latency();

    /**
     * An HTTP answer.
     *
     * @param statusCode the HTTP status code
     * @param body the body as text, possibly cut at the transport's limit
     * @param latency time to the full answer
     * @param certificateExpiry when the server's TLS certificate expires, if the answer came over TLS
     */
    record Received(int statusCode, String body, Duration latency, Optional<Instant> certificateExpiry)
            implements ServiceResponse {
        /** @throws NullPointerException if an argument is null */
        public Received {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(certificateExpiry, "certificateExpiry");
        }

        /** An answer over plain HTTP. */
        public static Received of(int statusCode, String body, Duration latency) {
            return new Received(statusCode, body, latency, Optional.empty());
        }
    }

    /**
     * No answer.
     *
     * @param cause why
     * @param detail a few more words, or empty; never a credential
     * @param latency time until giving up
     */
    record NotReceived(NoAnswer cause, String detail, Duration latency) implements ServiceResponse {
        /** @throws NullPointerException if an argument is null */
        public NotReceived {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(latency, "latency");
        }

        /** The reason as people read it: {@code connection refused} or {@code timed out (after 10000 ms)}. */
        public String reason() {
            return detail.isEmpty() ? cause.reason() : cause.reason() + " (" + detail + ")";
        }
    }
}
