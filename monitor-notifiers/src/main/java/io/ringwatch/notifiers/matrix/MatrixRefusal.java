package io.ringwatch.notifiers.matrix;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** The homeserver answered a request with an error status; its message never holds a secret. */
final class MatrixRefusal extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<Duration> retryAfter;

    MatrixRefusal(String message, int status, Optional<Duration> retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status. */
    int status() {
        return status;
    }

    /** How long the homeserver asked to wait before the next request ({@code retry_after_ms}), if it did. */
    Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
