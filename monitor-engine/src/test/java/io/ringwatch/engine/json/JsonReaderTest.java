package io.ringwatch.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsInDocumentOrderWithWhitespaceAroundTokens() {
        Object read = Json.parse(" {\r\n \"b\" : [ 1 ,\t\"x\" ] , \"a\":{} ,\"c\":null}\n");

        assertThat(read).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> object = (Map<?, ?>) read;
        assertThat(List.copyOf(object.keySet())).isEqualTo(List.of("b", "a", "c"));
        assertThat(object.get("b")).isInstanceOf(ArrayList.class).isEqualTo(List.of(1L, "x"));
    }

    @Test
    void readsScalarDocuments() {
        assertThat(Json.parse("true")).isEqualTo(true);
        assertThat(Json.parse(" false ")).isEqualTo(false);
        assertThat(Json.parse("null")).isNull();
        assertThat(Json.parse("\"x\"")).isEqualTo("x");
    }

    @Test
    void readsEveryEscape() {
        assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00E9 \\ud83d\\ude00\""))
                .isEqualTo("\" \\ / \b \f \n \r \t é é 😀");
    }

    @Test
    void saysWhereItExpectedSomethingElse() {
        assertError("{\"a\":1,}", "expected a string key but found '}' at line 1, column 8");
        assertError("{\"a\" 1}", "expected ':' after a key but found '1' at line 1, column 6");
        assertError("[1 2]", "expected ',' or ']' but found '2' at line 1, column 4");
        assertError("{\"a\":1", "expected ',' or '}' but found end of input at line 1, column 7");
        assertError("{1:2}", "expected a string key or '}' but found '1' at line 1, column 2");
        assertError("[1,]", "expected a value (object, array, string, number, true, false or null) but found ']' at line 1, column 4");
        assertError("", "expected a value but found end of input at line 1, column 1");
        assertError("tru", "expected 'true' at line 1, column 1");
        assertError("'a'", "expected a value (object, array, string, number, true, false or null) but found ''' at line 1, column 1");
    }

    @Test
    void countsLinesAndColumnsFromOne() {
        JsonException error = catchThrowableOfType(JsonException.class, () -> Json.parse("{\n  \"a\": [\r\n    1,\n    x]}"));

        assertThat(error).hasMessage("expected a value (object, array, string, number, true, false or null) but found 'x' at line 4, column 5");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(5);
    }

    @Test
    void rejectsTrailingGarbage() {
        assertError("{} {}", "expected end of input but found '{' at line 1, column 4");
        assertError("truex", "expected end of input but found 'x' at line 1, column 5");
        assertError("1 2", "expected end of input but found '2' at line 1, column 3");
    }

    @Test
    void rejectsADuplicateKeyPointingAtTheSecond() {
        assertError("{\"a\":1,\"b\":2,\"a\":3}", "duplicate key \"a\" at line 1, column 14");
    }

    @Test
    void rejectsRawControlCharactersInStringsShowingThemAsCodePoints() {
        assertError("\"a\nb\"", "expected a character or an escape but found U+000A (control characters must be escaped) at line 1, column 3");
        assertError("\"a\u0000\"", "expected a character or an escape but found U+0000 (control characters must be escaped) at line 1, column 3");
    }

    @Test
    void acceptsRawLineSeparatorsInStrings() {
        assertThat(Json.parse("\"a\u2028b\u2029c\u007f\"")).isEqualTo("a\u2028b\u2029c\u007f");
    }

    @Test
    void rejectsBadEscapesAndUnterminatedStrings() {
        assertError("\"\\x\"", "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) but found 'x' at line 1, column 3");
        assertError("\"\\u12g4\"", "expected 4 hex digits after \\u but found 'g' at line 1, column 6");
        assertError("\"\\u12", "expected 4 hex digits after \\u but found end of input at line 1, column 6");
        assertError("\"abc", "expected '\"' to end the string but found end of input at line 1, column 5");
        assertError("\"\\", "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) but found end of input at line 1, column 3");
    }

    @Test
    void acceptsNestingUpTo64LevelsAndNoDeeper() {
        assertThat(Json.parse("[".repeat(64) + "]".repeat(64))).isInstanceOf(List.class);
        assertThat(Json.parse("{\"a\":".repeat(63) + "[]" + "}".repeat(63))).isInstanceOf(Map.class);

        assertError("[".repeat(65) + "]".repeat(65), "arrays and objects nest deeper than 64 levels at line 1, column 65");
        assertError("[".repeat(100_000), "arrays and objects nest deeper than 64 levels at line 1, column 65");
    }

    @Test
    void throwsOnlyJsonExceptionsForBadInput() {
        for (String bad : List.of("{", "[", "\"", "-", "1.", "1e", "01", "+1", ".5", "nul", "[1,,2]", "{\"a\"}", "\u00a0", "\ufeff{}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonException.class).hasMessageContaining("at line 1, column");
        }
    }

    private static void assertError(String json, String message) {
        assertThatThrownBy(() -> Json.parse(json)).isInstanceOf(JsonException.class).hasMessage(message);
    }
}
