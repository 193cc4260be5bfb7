package io.ringwatch.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Channels given as one URL, such as {@code tgram://TOKEN/CHAT_ID}. */
class ChannelUrlsTest {

    /** Reads {@code chat://TOKEN/ROOM} into {@code token} and {@code room}, and remembers what it was asked to make. */
    static final class Chat implements NotifierProvider {
        final List<NotifierSettings> made = new ArrayList<>();

        @Override
        public String id() {
            return "chat";
        }

        @Override
        public Set<String> urlSchemes() {
            return Set.of("chat");
        }

        @Override
        public Map<String, String> settingsOf(String url) {
            String[] parts = url.substring("chat://".length()).split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected a URL of the form chat://TOKEN/ROOM");
            }
            return Map.of("token", parts[0], "room", parts[1]);
        }

        @Override
        public Notifier create(NotifierSettings settings) {
            made.add(settings);
            return new TestProviders.Quiet(settings.channel());
        }
    }

    private final Chat chat = new Chat();
    private final NotifierProviders providers = NotifierProviders.of(chat, new TestProviders.Alpha());

    @Test
    void theProviderOfTheSchemeReadsTheUrlAndMakesTheChannel() {
        Notifier notifier = providers.createFromUrl("ops", "Chat://s3cret-token/room-7");

        assertThat(notifier.name()).isEqualTo("ops");
        assertThat(chat.made).singleElement().satisfies(settings -> {
            assertThat(settings.channel()).isEqualTo("ops");
            assertThat(settings.require("token")).isEqualTo("s3cret-token");
            assertThat(settings.require("room")).isEqualTo("room-7");
        });
    }

    @Test
    void anUnknownSchemeNamesTheKnownOnesAndNotTheUrl() {
        assertThatThrownBy(() -> providers.createFromUrl("ops", "tgram://s3cret-token/123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'ops': no notifier provider reads 'tgram' URLs; schemes known: chat");
        assertThatThrownBy(() -> providers.createFromUrl("ops", "s3cret-token"))
                .hasMessage("channel 'ops': the URL has no scheme (such as tgram://...); schemes known: chat");
    }

    @Test
    void aMalformedUrlIsRefusedWithTheChannelsNameAndTheExpectedForm() {
        assertThatThrownBy(() -> providers.createFromUrl("ops", "chat://s3cret-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'ops': expected a URL of the form chat://TOKEN/ROOM");
    }

    @Test
    void aProviderWithoutUrlsIsNeverAsked() {
        assertThat(new TestProviders.Alpha().urlSchemes()).isEmpty();
        assertThatThrownBy(() -> new TestProviders.Alpha().settingsOf("alpha://x"))
                .hasMessage("channels of provider 'alpha' cannot be given as a URL");
    }
}
