package io.ringwatch.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesCompactlyKeepingKeyOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", List.of(true, false));
        map.put("m", null);
        map.put("s", Map.of());

        assertThat(Json.write(map)).isEqualTo("{\"z\":1,\"a\":[true,false],\"m\":null,\"s\":{}}");
    }

    @Test
    void escapesQuotesBackslashesAndEveryLineBreakingCharacter() {
        assertThat(Json.write("a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u2028k\u2029l/"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u001fj\\u2028k\\u2029l/\"");
    }

    @Test
    void keepsOtherUnicodeAsItIsButEscapesUnpairedSurrogates() {
        assertThat(Json.write("é 😀 \u007f")).isEqualTo("\"é 😀 \u007f\"");
        assertThat(Json.write("\ud83d|\ude00")).isEqualTo("\"\\ud83d|\\ude00\"");
        assertThat(Json.parse(Json.write("\ud83d|\ude00"))).isEqualTo("\ud83d|\ude00");
    }

    @Test
    void writesEveryKindOfNumber() {
        assertThat(Json.write(List.of((byte) 1, (short) 2, 3, 4L, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("1.50"), new BigDecimal("1E+3"), 0.5d, 2.5f, 1e-7)))
                .isEqualTo("[1,2,3,4,123456789012345678901234567890,1.50,1E+3,0.5,2.5,1.0E-7]");
    }

    @Test
    void rejectsNumbersJsonCannotHold() {
        for (Object number : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN)) {
            assertThatThrownBy(() -> Json.write(number))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("finite");
        }
    }

    @Test
    void writesAnyCollectionAsAnArray() {
        assertThat(Json.write(Set.of("only"))).isEqualTo("[\"only\"]");
        assertThat(Json.write(Arrays.asList(1, null))).isEqualTo("[1,null]");
    }

    @Test
    void rejectsTypesItDoesNotKnowNamingThem() {
        assertThatThrownBy(() -> Json.write(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> Json.write(new java.util.concurrent.atomic.AtomicInteger(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AtomicInteger");
        assertThatThrownBy(() -> Json.write(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys must be strings");
    }
}
