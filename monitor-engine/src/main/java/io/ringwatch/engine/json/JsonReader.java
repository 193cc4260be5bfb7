package io.ringwatch.engine.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads one strict RFC 8259 document. One instance per document; not thread-safe. */
final class JsonReader {
    /** The deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    JsonReader(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    Object readDocument() {
        skipWhitespace();
        Object value = readValue();
        skipWhitespace();
        if (pos < text.length()) {
            throw error("expected end of input but found " + found());
        }
        return value;
    }

    private Object readValue() {
        if (pos >= text.length()) {
            throw error("expected a value but found end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield readNumber();
                }
                throw error("expected a value (object, array, string, number, true, false or null) but found " + found());
            }
        };
    }

    private Map<String, Object> readObject() {
        enter();
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return object;
        }
        if (peek() != '"') {
            throw error("expected a string key or '}' but found " + found());
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a string key but found " + found());
            }
            int keyStart = pos;
            String key = readString();
            if (object.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key " + Json.write(key));
            }
            skipWhitespace();
            expect(':', "expected ':' after a key");
            skipWhitespace();
            object.put(key, readValue());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
            } else {
                expect('}', "expected ',' or '}'");
                depth--;
                return object;
            }
        }
    }

    private List<Object> readArray() {
        enter();
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return array;
        }
        while (true) {
            array.add(readValue());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
            } else {
                expect(']', "expected ',' or ']'");
                depth--;
                return array;
            }
        }
    }

    private void enter() {
        if (depth == MAX_DEPTH) {
            throw error("arrays and objects nest deeper than " + MAX_DEPTH + " levels");
        }
        depth++;
        pos++;
    }

    private String readString() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("expected '\"' to end the string but found end of input");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            } else if (c == '\\') {
                readEscape(out);
            } else if (c < 0x20) {
                throw error("expected a character or an escape but found " + found() + " (control characters must be escaped)");
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder out) {
        pos++;
        char c = peek();
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                int value = 0;
                for (int i = 1; i <= 4; i++) {
                    int digit = pos + i < text.length() ? Character.digit(text.charAt(pos + i), 16) : -1;
                    if (digit < 0) {
                        pos += i;
                        throw error("expected 4 hex digits after \\u but found " + found());
                    }
                    value = value * 16 + digit;
                }
                out.append((char) value);
                pos += 4;
            }
            default -> throw error("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) but found " + found());
        }
        pos++;
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("expected no digit after a leading 0 but found " + found());
            }
        } else {
            digits("expected a digit");
        }
        boolean integer = true;
        if (peek() == '.') {
            pos++;
            digits("expected a digit after '.'");
            integer = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("expected a digit in the exponent");
            integer = false;
        }
        String number = text.substring(start, pos);
        if (integer) {
            return number.length() <= 18 ? (Object) Long.valueOf(number) : integer(number);
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw error("expected a number within range but found one whose exponent is too large");
        }
    }

    private static Object integer(String number) {
        BigInteger value = new BigInteger(number);
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    private void digits(String expectation) {
        if (!isDigit(peek())) {
            throw error(expectation + " but found " + found());
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, pos)) {
            throw error("expected '" + literal + "'");
        }
        pos += literal.length();
        return value;
    }

    private void expect(char c, String expectation) {
        if (peek() != c) {
            throw error(expectation + " but found " + found());
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The character at the position, or U+FFFF at the end (never valid where it is checked). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\uFFFF';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String found() {
        if (pos >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(pos);
        if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private JsonException error(String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException(problem, line, pos - lineStart + 1);
    }
}
