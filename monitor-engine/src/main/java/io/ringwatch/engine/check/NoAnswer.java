package io.ringwatch.engine.check;

/** Why a check got no answer at all. Each is a {@link io.ringwatch.api.Status#DOWN}. */
public enum NoAnswer {
    /** Nothing listens at the address. */
    REFUSED("connection refused"),
    /** The connection broke before an answer came. */
    RESET("connection reset"),
    /** No answer within the timeout. */
    TIMEOUT("timed out"),
    /** The host name does not resolve. */
    DNS("host not found"),
    /** The TLS handshake failed. */
    TLS("TLS handshake failed"),
    /** The network has no route to the host. */
    UNREACHABLE("no route to host"),
    /** Anything else that went wrong before an answer came. */
    OTHER("no answer");

    private final String reason;

    NoAnswer(String reason) {
        this.reason = reason;
    }

    /** How it reads in a reason: {@code connection refused}. */
    public String reason() {
        return reason;
    }
}
