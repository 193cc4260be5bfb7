package io.ringwatch.engine.peer;

import io.ringwatch.engine.check.NoAnswer;
import java.util.Objects;

/** A peer did not answer a question. Its message is safe to log: it never holds a secret. */
public final class PeerUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final NoAnswer cause;

    /**
     * @param cause why there was no answer
     * @param detail a few more words, or empty
     */
    public PeerUnreachableException(NoAnswer cause, String detail) {
        super(detail.isEmpty() ? cause.reason() : cause.reason() + " (" + detail + ")", null, false, false);
        this.cause = Objects.requireNonNull(cause, "cause");
    }

    /** Why there was no answer. */
    public NoAnswer noAnswer() {
        return cause;
    }
}
