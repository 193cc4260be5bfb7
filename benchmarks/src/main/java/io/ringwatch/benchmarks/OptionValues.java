package io.ringwatch.benchmarks;

import java.util.Collection;

/** Reads the harnesses' options and the numbers given to them, with errors that name the option. */
final class OptionValues {
    private OptionValues() {
    }

    /**
     * The value of the option at {@code args[at]}, which is the next argument.
     *
     * @throws IllegalArgumentException if the option is not one of {@code flags} or has no value
     */
    static String valueOf(String[] args, int at, Collection<String> flags) {
        String flag = args[at];
        if (!flags.contains(flag)) {
            throw new IllegalArgumentException(flag.startsWith("-") ? "unknown flag " + flag : "unexpected argument " + flag);
        }
        if (at + 1 >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[at + 1];
    }

    /**
     * @throws IllegalArgumentException if {@code value} is not a whole number from {@code min} to {@code max}
     */
    static int number(String flag, String value, int min, int max) {
        long parsed = longNumber(flag, value);
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", was " + value);
        }
        return (int) parsed;
    }

    /**
     * A whole number, underscores allowed ({@code 1_000}).
     *
     * @throws IllegalArgumentException if {@code value} is not one
     */
    static long longNumber(String flag, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, was '" + value + "'", e);
        }
    }
}
