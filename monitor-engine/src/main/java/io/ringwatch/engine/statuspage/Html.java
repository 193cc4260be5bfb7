package io.ringwatch.engine.statuspage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Small helpers for writing the page: escaping, and times and percents as people read them. */
final class Html {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** The text, safe inside an element or a quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** {@code 2026-12-07 14:05 UTC}. */
    static String minute(Instant at) {
        return MINUTE.format(at);
    }

    /** {@code 99.861%}, as {@code ringwatch report} prints it, or {@code –} when nothing was observed. */
    static String percent(OptionalDouble percent) {
        return percent.isPresent() ? String.format(Locale.ROOT, "%.3f%%", percent.getAsDouble()) : "–";
    }
}
