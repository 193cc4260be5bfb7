package io.ringwatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void turnsLineBreaksIntoSingleSpaces() {
        assertThat(OneLine.of("Ok, I got\r\nthis one\u2028\tnow", 100)).isEqualTo("Ok, I got this one now");
    }

    @Test
    void cutsLongTextWithAnEllipsis() {
        assertThat(OneLine.of("abcdefghij", 5)).isEqualTo("abcd\u2026");
    }

    @Test
    void neverCutsACharacterInHalf() {
        assertThat(OneLine.of("ab\uD83D\uDE00cd", 4)).isEqualTo("ab\u2026");
    }

    @Test
    void givesEmptyTextForNull() {
        assertThat(OneLine.of(null, 5)).isEmpty();
    }

    @Test
    void rejectsALengthBelowOne() {
        assertThatThrownBy(() -> OneLine.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void neverLetsALineBreakOrControlCharacterThrough(@ForAll String text, @ForAll @IntRange(min = 1, max = 300) int max) {
        String line = OneLine.of(text, max);
        assertThat(line.length()).isLessThanOrEqualTo(max);
        assertThat(line.chars()).noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
        assertThat(line).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(OneLine.of(line, max)).isEqualTo(line);
        if (line.endsWith("\u2026") && line.length() >= 2) {
            assertThat(Character.isHighSurrogate(line.charAt(line.length() - 2))).isFalse();
        }
    }
}
