package io.ringwatch.benchmarks;

/** Reads the numbers given to the harnesses' options, with errors that name the option. */
final class OptionValues {
    private OptionValues() {
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
