package io.ringwatch.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    @Test
    void readsIntegersThatFitAsLongs() {
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0")).isEqualTo(0L);
        assertThat(Json.parse("42")).isEqualTo(42L);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("000000000000000001".replaceFirst("^0+", ""))).isEqualTo(1L);
    }

    @Test
    void readsLargerIntegersAsBigIntegers() {
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Json.parse("-9223372036854775809")).isEqualTo(new BigInteger("-9223372036854775809"));
        assertThat(Json.parse("1" + "0".repeat(100))).isEqualTo(BigInteger.TEN.pow(100));
    }

    @Test
    void readsFractionsAndExponentsAsBigDecimalsKeepingTheirScale() {
        assertThat(Json.parse("1.50")).isEqualTo(new BigDecimal("1.50"));
        assertThat(Json.parse("-0.0")).isEqualTo(new BigDecimal("0.0"));
        assertThat(Json.parse("1e3")).isEqualTo(new BigDecimal("1E+3"));
        assertThat(Json.parse("1E+3")).isEqualTo(new BigDecimal("1E+3"));
        assertThat(Json.parse("2.5e-3")).isEqualTo(new BigDecimal("0.0025"));
        assertThat(Json.parse("1e0")).isInstanceOf(BigDecimal.class);
    }

    @Test
    void writesDoublesAndFloatsSoTheyReadBackAsTheSameValue() {
        for (double value : new double[] {0.1, -0.0, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, 123456.789}) {
            assertThat(((BigDecimal) Json.parse(Json.write(value))).doubleValue()).isEqualTo(value);
        }
        assertThat(((BigDecimal) Json.parse(Json.write(0.1f))).floatValue()).isEqualTo(0.1f);
    }

    @Test
    void writesIntegralBigDecimalsAsIntegers() {
        assertThat(Json.parse(Json.write(new BigDecimal("12")))).isEqualTo(12L);
    }

    @Test
    void rejectsNumbersRfc8259DoesNotAllow() {
        assertError("01", "expected no digit after a leading 0 but found '1' at line 1, column 2");
        assertError("-", "expected a digit but found end of input at line 1, column 2");
        assertError("-a", "expected a digit but found 'a' at line 1, column 2");
        assertError("1.", "expected a digit after '.' but found end of input at line 1, column 3");
        assertError("1.e5", "expected a digit after '.' but found 'e' at line 1, column 3");
        assertError("1e+", "expected a digit in the exponent but found end of input at line 1, column 4");
        assertError("[+1]", "expected a value (object, array, string, number, true, false or null) but found '+' at line 1, column 2");
        assertError("0x1F", "expected end of input but found 'x' at line 1, column 2");
        assertError("NaN", "expected a value (object, array, string, number, true, false or null) but found 'N' at line 1, column 1");
        assertError("-Infinity", "expected a digit but found 'I' at line 1, column 2");
    }

    @Test
    void rejectsAnExponentBeyondWhatANumberCanHold() {
        assertError("[1e9999999999]", "expected a number within range but found one whose exponent is too large at line 1, column 2");
    }

    private static void assertError(String json, String message) {
        assertThatThrownBy(() -> Json.parse(json)).isInstanceOf(JsonException.class).hasMessage(message);
    }
}
