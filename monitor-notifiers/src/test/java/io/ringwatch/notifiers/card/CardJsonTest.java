package io.ringwatch.notifiers.card;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardJsonTest {

    @Test
    void writesTextAsUtf8WithoutEscapes() {
        byte[] body = CardJson.bytes(CardJson.object().put("text", "Grüße \"q\" \\ 日本語 🚨"));

        assertThat(new String(body, UTF_8)).isEqualTo("{\"text\":\"Grüße \\\"q\\\" \\\\ 日本語 🚨\"}");
    }

    @Test
    void readsJsonAnswersAndNothingElse() {
        assertThat(CardJson.read("{\"ok\":true}")).hasValueSatisfying(node -> assertThat(node.path("ok").asBoolean()).isTrue());
        assertThat(CardJson.read("ok")).isEmpty();
        assertThat(CardJson.read("")).isEmpty();
        assertThat(CardJson.read("<html>")).isEmpty();
    }
}
