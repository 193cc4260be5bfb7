package io.ringwatch.engine.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The secret every node of a farm shares to authenticate peer questions, sent as
 * {@code Authorization: Bearer <secret>}. Compared in constant time; never shown by
 * {@link #toString()}. Immutable.
 */
public final class SharedSecret {
    /** The shortest secret accepted. */
    public static final int MIN_LENGTH = 16;

    private final String value;
    private final byte[] digest;

    private SharedSecret(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * @throws IllegalArgumentException if the secret is shorter than {@link #MIN_LENGTH} characters
     *         (the message does not show it)
     */
    public static SharedSecret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the shared secret must have at least " + MIN_LENGTH
                    + " characters, it has " + value.length());
        }
        return new SharedSecret(value);
    }

    /** The value of the {@code Authorization} header that carries this secret. */
    public String authorization() {
        return "Bearer " + value;
    }

    /** Whether an {@code Authorization} header value carries this secret. */
    public boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Digests have the same length whatever was sent, so the comparison takes the same time.
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).trim()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "SharedSecret[hidden]";
    }
}
