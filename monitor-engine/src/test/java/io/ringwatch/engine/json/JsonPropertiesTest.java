package io.ringwatch.engine.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonPropertiesTest {

    @Property(tries = 500)
    void readsBackWhatItWrote(@ForAll("json") Object value) {
        String written = Json.write(value);
        Object read = Json.parse(written);

        assertThat(read).isEqualTo(value);
        assertThat(Json.write(read)).as("keys keep their order").isEqualTo(written);
    }

    @Property(tries = 500)
    void writesEveryDocumentOnOneLine(@ForAll("json") Object value) {
        String written = Json.write(value);
        assertThat(written.chars().filter(c -> c < 0x20 || c == '\u2028' || c == '\u2029').count())
                .as("line breaks and control characters in %s", written)
                .isZero();
    }

    @Property(tries = 500)
    void writesTextThatEncodesToUtf8WithoutLoss(@ForAll("json") Object value) {
        String written = Json.write(value);
        assertThat(new String(written.getBytes(UTF_8), UTF_8)).isEqualTo(written);
    }

    @Provide
    Arbitrary<Object> json() {
        return JsonValues.values();
    }
}
