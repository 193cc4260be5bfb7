package io.ringwatch.engine.routing;

import io.ringwatch.api.TargetId;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Which targets a subscription or a mute covers, written like a target id with {@code *}
 * standing for any characters: {@code n3} (the node and its services), {@code n3/orders-api},
 * {@code n3/*} (the node's services), {@code *}{@code /orders-api}, {@code web-*}, {@code *}
 * (everything). A pattern without {@code /} covers nodes and their services; one with {@code /}
 * covers services only. Immutable.
 */
public final class TargetPattern {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9._*-]*(/[A-Za-z0-9*][A-Za-z0-9._*-]*)?");

    /** Every node and service. */
    public static final TargetPattern EVERYTHING = of("*");

    private final String text;
    private final Pattern node;
    private final Pattern service;

    private TargetPattern(String text) {
        this.text = text;
        int slash = text.indexOf('/');
        this.node = glob(slash < 0 ? text : text.substring(0, slash));
        this.service = slash < 0 ? null : glob(text.substring(slash + 1));
    }

    /**
     * Reads a pattern.
     *
     * @throws IllegalArgumentException if it is not a node id, or node/service, with {@code *} where any part may be
     */
    public static TargetPattern of(String text) {
        String trimmed = Objects.requireNonNull(text, "text").strip();
        if (!VALID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a target pattern: write a node or node/service,"
                    + " with * for any characters, such as n3, n3/orders-api, */orders-api or *");
        }
        return new TargetPattern(trimmed);
    }

    /** The pattern of exactly this target: for a node, the node and its services. */
    public static TargetPattern of(TargetId target) {
        return of(Objects.requireNonNull(target, "target").toString());
    }

    /** Whether the target is covered. */
    public boolean matches(TargetId target) {
        if (!node.matcher(target.node().value()).matches()) {
            return false;
        }
        if (service == null) {
            return true;
        }
        return target.service().map(id -> service.matcher(id.value()).matches()).orElse(false);
    }

    private static Pattern glob(String part) {
        StringJoiner regex = new StringJoiner(".*");
        for (String piece : part.split("\\*", -1)) {
            regex.add(Pattern.quote(piece));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetPattern that && text.equals(that.text);
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
