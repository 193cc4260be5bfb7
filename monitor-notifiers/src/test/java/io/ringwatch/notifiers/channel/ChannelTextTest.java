package io.ringwatch.notifiers.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ChannelTextTest {

    @Test
    void leavesTextThatFitsAsItIs() {
        assertThat(ChannelText.cut("Grüße 🚨", 8)).isEqualTo("Grüße 🚨");
    }

    @Test
    void cutsLongTextWithAnEllipsisWithinTheLimit() {
        assertThat(ChannelText.cut("abcdefgh", 5)).isEqualTo("abcd…");
    }

    @Test
    void neverCutsACharacterInHalf() {
        String cut = ChannelText.cut("abc🚨def", 5);

        assertThat(cut).isEqualTo("abc…");
        assertThat(ChannelText.wellFormed(cut)).isEqualTo(cut);
    }

    @Test
    void replacesLoneSurrogates() {
        assertThat(ChannelText.wellFormed("a\uD800b\uDC00c🚨")).isEqualTo("a\uFFFDb\uFFFDc🚨");
    }

    @Test
    void replacesLoneSurrogatesOnly() {
        assertThat(ChannelText.wellFormed("a\uD83Db 🚨 \uDEA8")).isEqualTo("a\uFFFDb 🚨 \uFFFD");
        String clean = "nothing to do 🚨";
        assertThat(ChannelText.wellFormed(clean)).isSameAs(clean);
    }

    @Test
    void leavesWellFormedTextAsItIs() {
        String text = "plain, Grüße, 🚨";

        assertThat(ChannelText.wellFormed(text)).isSameAs(text);
    }

    @Test
    void cutsToALimitWithAnEllipsisNeverInTheMiddleOfACharacter() {
        assertThat(ChannelText.cut("short", 5)).isEqualTo("short");
        assertThat(ChannelText.cut("longer text", 6)).isEqualTo("longe…").hasSize(6);
        assertThat(ChannelText.cut("abcd🚨xyz", 6)).isEqualTo("abcd…");
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelText.cut("abc", 1));
    }

    @Test
    void cutsATextLongerThanPushoverTakesWithoutSplittingACharacter() {
        assertThat(ChannelText.cut("abc", 3)).isEqualTo("abc");
        assertThat(ChannelText.cut("abcd", 3)).isEqualTo("ab\u2026");
        assertThat(ChannelText.cut("a🚨b", 3)).isEqualTo("a\u2026");
    }

    @Test
    void keepsAKeyThatFitsAndShortensALongOneStablyAndDistinctly() {
        String longKey = "n3/orders-api@" + "x".repeat(300);

        assertThat(ChannelText.fitKey("n3@2031-02-03T04:05:06.789Z", 255)).isEqualTo("n3@2031-02-03T04:05:06.789Z");
        assertThat(ChannelText.fitKey(longKey, 255)).hasSize(255).isEqualTo(ChannelText.fitKey(longKey, 255))
                .isNotEqualTo(ChannelText.fitKey(longKey + "y", 255)).startsWith("n3/orders-api@x").contains("#");
    }

    @Test
    void refusesLimitsTooSmallToBeUseful() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelText.cut("abc", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelText.fitKey("abc", 79));
    }

    @Test
    void readsTheIncidentKeyFromTheLastIncidentLineOfANotificationsText() {
        assertThat(ChannelText.incidentKeyOf("CRITICAL: orders-api DOWN on node n3\nseen by n1: refused\n"
                + "incident n3/orders-api@2031-02-03T04:05:06.789Z")).contains("n3/orders-api@2031-02-03T04:05:06.789Z");
        assertThat(ChannelText.incidentKeyOf("incident a\nincident  b \n")).contains("b");
        assertThat(ChannelText.incidentKeyOf("status: all up\nincidents: none\nincident ")).isEmpty();
    }
}
