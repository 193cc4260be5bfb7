package io.ringwatch.notifiers.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalTest {

    @Test
    void namesTheChannelTheProviderTheStatusAndTheCode() {
        assertThat(Refusal.answered("ops", "Slack", 404, Optional.of(" channel_not_found\n")))
                .hasMessage("channel 'ops': Slack answered HTTP 404 (channel_not_found)");
        assertThat(Refusal.answered("ops", "Slack", 500, Optional.empty()))
                .hasMessage("channel 'ops': Slack answered HTTP 500");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "https://hooks.example/T/B/secret", "a/b", "<html>",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void showsNothingThatDoesNotLookLikeACode(String answer) {
        assertThat(Refusal.code(answer)).isEmpty();
        assertThat(Refusal.answered("ops", "Teams", 400, Optional.of(answer))).hasMessage("channel 'ops': Teams answered HTTP 400");
    }
}
