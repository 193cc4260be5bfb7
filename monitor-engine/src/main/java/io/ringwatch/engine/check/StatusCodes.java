package io.ringwatch.engine.check;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.Collectors;

/** A set of accepted HTTP status codes, such as {@code 200-299} or {@code 200,204}. Immutable. */
public final class StatusCodes {
    private final BitSet codes;
    private final String text;

    private StatusCodes(BitSet codes, String text) {
        this.codes = codes;
        this.text = text;
    }

    /**
     * The codes from {@code first} to {@code last}, both included.
     *
     * @throws IllegalArgumentException if not within 100 to 599 or {@code first > last}
     */
    public static StatusCodes range(int first, int last) {
        check(first);
        check(last);
        if (first > last) {
            throw new IllegalArgumentException("status code range " + first + "-" + last + " is empty");
        }
        BitSet codes = new BitSet(600);
        codes.set(first, last + 1);
        return new StatusCodes(codes, first + "-" + last);
    }

    /**
     * Exactly these codes.
     *
     * @throws IllegalArgumentException if none is given or one is not within 100 to 599
     */
    public static StatusCodes of(int... accepted) {
        if (accepted.length == 0) {
            throw new IllegalArgumentException("at least one status code is needed");
        }
        BitSet codes = new BitSet(600);
        for (int code : accepted) {
            check(code);
            codes.set(code);
        }
        return new StatusCodes(codes, Arrays.stream(accepted).sorted().distinct().mapToObj(Integer::toString)
                .collect(Collectors.joining(",")));
    }

    /** Whether {@code code} is accepted. */
    public boolean accepts(int code) {
        return code >= 0 && code < 600 && codes.get(code);
    }

    private static void check(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("HTTP status code must be within 100 to 599, was " + code);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
