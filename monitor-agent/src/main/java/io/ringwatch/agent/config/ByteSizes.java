package io.ringwatch.agent.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File sizes as people write them: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GB}. Thread-safe. */
final class ByteSizes {
    static final String EXAMPLE = "a size such as 64MiB, 500MB or 1GiB";

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([a-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "b", 1L,
            "kb", 1000L, "kib", 1024L,
            "mb", 1000L * 1000, "mib", 1024L * 1024,
            "gb", 1000L * 1000 * 1000, "gib", 1024L * 1024 * 1024);

    private ByteSizes() {
    }

    /** The number of bytes, or empty if {@code text} is not a size or too large. */
    static Optional<Long> parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || !UNITS.containsKey(matcher.group(2))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Math.multiplyExact(Long.parseLong(matcher.group(1)), UNITS.get(matcher.group(2))));
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }
}
