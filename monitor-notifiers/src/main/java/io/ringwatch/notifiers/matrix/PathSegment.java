package io.ringwatch.notifiers.matrix;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Percent-encodes one path segment: every byte but the unreserved {@code A-Z a-z 0-9 - . _ ~}. */
final class PathSegment {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    /** {@code !room:example.org} gives {@code %21room%3Aexample.org}. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
