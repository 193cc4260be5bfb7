package io.ringwatch.engine.eventlog;

import io.ringwatch.api.TargetId;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which targets an event may be about, as people write it: {@code n3} is node n3 and each of
 * its services; {@code n3/orders-api} is that service only; {@code *} stands for any part of
 * a name, so {@code n3/*} is every service of n3, {@code *}{@code /orders-api} that service on
 * every node, and {@code web-*} every node whose id starts so, with its services. Immutable and
 * thread-safe.
 */
public final class TargetPattern {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._*-]+(/[A-Za-z0-9._*-]+)?");

    private final String text;
    private final Pattern node;
    private final Pattern service;

    private TargetPattern(String text) {
        this.text = text;
        int slash = text.indexOf('/');
        node = glob(slash < 0 ? text : text.substring(0, slash));
        service = slash < 0 ? null : glob(text.substring(slash + 1));
    }

    /**
     * Reads a pattern such as {@code n3}, {@code n3/orders-api}, {@code n3/*} or {@code *}{@code /orders-api}.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is not a node, or a node and a service
     *         apart by one {@code /}, each made of letters, digits, {@code .}, {@code _}, {@code -} and {@code *}
     */
    public static TargetPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!ALLOWED.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + HumanEventFormat.escape(text) + "' is not a target: write a node"
                    + " (n3, for it and its services) or node/service (n3/orders-api), with * for any part of a name");
        }
        return new TargetPattern(text);
    }

    /**
     * The pattern of exactly this target: for a node, the node and its services.
     *
     * @throws NullPointerException if {@code target} is null
     */
    public static TargetPattern of(TargetId target) {
        return new TargetPattern(Objects.requireNonNull(target, "target").toString());
    }

    /**
     * Whether {@code target} is one this pattern names.
     *
     * @throws NullPointerException if {@code target} is null
     */
    public boolean matches(TargetId target) {
        Objects.requireNonNull(target, "target");
        if (!node.matcher(target.node().value()).matches()) {
            return false;
        }
        return service == null || target.service().map(id -> service.matcher(id.value()).matches()).orElse(false);
    }

    private static Pattern glob(String part) {
        return Pattern.compile(Arrays.stream(part.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetPattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The pattern as written: {@code n3/*}. */
    @Override
    public String toString() {
        return text;
    }
}
