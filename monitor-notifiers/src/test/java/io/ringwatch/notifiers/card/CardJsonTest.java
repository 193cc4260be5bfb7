package io.ringwatch.notifiers.card;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CardJsonTest {

    @Test
    void writesTextAsUtf8WithoutEscapes() {
        byte[] body = CardJson.bytes(CardJson.object().put("text", "Grüße \"q\" \\ 日本語 🚨"));

        assertThat(new String(body, UTF_8)).isEqualTo("{\"text\":\"Grüße \\\"q\\\" \\\\ 日本語 🚨\"}");
    }

    @Test
    void replacesLoneSurrogatesOnly() {
        assertThat(CardJson.text("a\uD83Db 🚨 \uDEA8")).isEqualTo("a\uFFFDb 🚨 \uFFFD");
        String clean = "nothing to do 🚨";
        assertThat(CardJson.text(clean)).isSameAs(clean);
    }

    @Test
    void cutsToALimitWithAnEllipsisNeverInTheMiddleOfACharacter() {
        assertThat(CardJson.cut("short", 5)).isEqualTo("short");
        assertThat(CardJson.cut("longer text", 6)).isEqualTo("longe…").hasSize(6);
        assertThat(CardJson.cut("abcd🚨xyz", 6)).isEqualTo("abcd…");
        assertThatIllegalArgumentException().isThrownBy(() -> CardJson.cut("abc", 1));
    }

    @Test
    void readsJsonAnswersAndNothingElse() {
        assertThat(CardJson.read("{\"ok\":true}")).hasValueSatisfying(node -> assertThat(node.path("ok").asBoolean()).isTrue());
        assertThat(CardJson.read("ok")).isEmpty();
        assertThat(CardJson.read("")).isEmpty();
        assertThat(CardJson.read("<html>")).isEmpty();
    }
}
