package io.ringwatch.api;

/**
 * Makes text safe to show on one line: control characters (line breaks among them) become
 * spaces, runs of spaces collapse, and long text is cut with an ellipsis. Text from the
 * outside world (responses, incoming messages) passes through here before it reaches a
 * reason, an event or a log line, so that it cannot forge a line of its own.
 */
public final class OneLine {
    private OneLine() {
    }

    /**
     * Returns {@code text} as one line of at most {@code maxLength} characters.
     *
     * @param text any text, or {@code null} (gives the empty string)
     * @param maxLength the longest result, at least 1
     * @return the text on one line
     * @throws IllegalArgumentException if {@code maxLength} is less than 1
     */
    public static String of(String text, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (text == null) {
            return "";
        }
        if (isAlreadyOneLine(text, maxLength)) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength + 1));
        boolean lastWasSpace = true;
        for (int i = 0; i < text.length() && out.length() <= maxLength; i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c)
                    || c == '\u2028' || c == '\u2029';
            if (space) {
                if (!lastWasSpace) {
                    out.append(' ');
                }
                lastWasSpace = true;
            } else {
                out.append(c);
                lastWasSpace = false;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (out.length() > maxLength) {
            int cut = maxLength - 1;
            if (cut > 0 && Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--; // never leave half a character before the ellipsis
            }
            out.setLength(cut);
            out.append('\u2026');
        }
        return out.toString();
    }

    private static boolean isAlreadyOneLine(String text, int maxLength) {
        int length = text.length();
        if (length > maxLength || length > 0 && (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ')) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean unusual = c > '~' && (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
            if (c < ' ' || unusual || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
