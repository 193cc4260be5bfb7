package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders an {@link Event} as the line people read in a log, as the original monitor wrote it:
 * {@code 2026-11-24 10:15:00Z n1 CRITICAL: orders-api DOWN on node n3} — the time to the second
 * in UTC, the observer, then {@link Event#humanLine()}. The result is always one line, whatever
 * the event holds: a line break, another control character or a character that reorders text
 * (a bidirectional control) in a message or an attribute is written as an escape ({@code \n},
 * &#92;u202e), so no text can pass for a line of its own. Stateless and thread-safe.
 */
public final class HumanEventFormat {
    private HumanEventFormat() {
    }

    /**
     * The event as one human line, without a line end.
     *
     * @throws NullPointerException if {@code event} is null
     */
    public static String format(Event event) {
        Objects.requireNonNull(event, "event");
        // Instant.toString covers every instant (a formatter with a zone stops short of Instant.MIN and MAX).
        String time = event.at().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
        return time + " " + event.observer() + " " + escape(event.humanLine());
    }

    /**
     * The event as one human line followed by its kind, target, statuses and attributes:
     * {@code … CRITICAL: orders-api DOWN on node n3 [STATE_CHANGED target=n3/orders-api status=DOWN
     * previous=UP reason="connection refused"]}. A value with a space, a quote, an equals sign,
     * a bracket or nothing at all is quoted.
     *
     * @throws NullPointerException if {@code event} is null
     */
    public static String formatWithDetails(Event event) {
        StringBuilder line = new StringBuilder(format(event)).append(" [").append(event.kind());
        event.targetId().ifPresent(target -> line.append(" target=").append(target));
        if (event.status() != null) {
            line.append(" status=").append(event.status());
        }
        if (event.previous() != null) {
            line.append(" previous=").append(event.previous());
        }
        for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
            line.append(' ').append(quoted(attribute.getKey())).append('=').append(quoted(attribute.getValue()));
        }
        return line.append(']').toString();
    }

    /**
     * The text with every character that could break or disguise a line written as an escape:
     * {@code \n}, {@code \r} and {@code \t} for those, &#92;uXXXX for other control
     * characters, the line and paragraph separators and the bidirectional controls. Other text,
     * backslashes included, is left as it is.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escapeOf(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escapeOf(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || isSeparatorOrBidi(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
        };
    }

    private static boolean isSeparatorOrBidi(char c) {
        return c == '\u2028' || c == '\u2029' || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    /** Escaped, and quoted unless plain; in quotes a backslash or quote is escaped first, so escapes stay apart. */
    private static String quoted(String value) {
        boolean plain = !value.isEmpty() && value.chars().noneMatch(c -> c == '"' || c == '=' || c == '[' || c == ']'
                || Character.isWhitespace(c) || escapeOf((char) c) != null);
        return plain ? value : '"' + escape(value.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
    }
}
