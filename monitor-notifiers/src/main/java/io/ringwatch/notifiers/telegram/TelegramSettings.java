package io.ringwatch.notifiers.telegram;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a telegram channel, read and checked. The bot token is a secret:
 * {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param token the bot token BotFather gave, {@code 123456:ABC-DEF…}
 * @param chatId the chat: a number ({@code -1001234567890} for a group or channel) or {@code @channelname}
 * @param apiUrl the Bot API's base URL, {@code https://api.telegram.org} unless overridden
 * @param timeout how long one delivery may take
 * @param receive whether the bot also receives messages people write to it ({@code getUpdates})
 */
record TelegramSettings(String channel, String token, String chatId, URI apiUrl, Duration timeout, boolean receive) {
    static final String TOKEN = "token";
    static final String CHAT_ID = "chat-id";
    static final String API_URL = "api-url";
    static final String RECEIVE = "receive";
    static final String DEFAULT_API_URL = "https://api.telegram.org";

    private static final Pattern TOKEN_FORM = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,200}");
    /** What {@link #isChat} does not accept, said after the setting or the contact's address. */
    static final String CHAT_EXPECTED = "must be a chat's number (such as -1001234567890) or a public channel's @username";

    private static final Pattern CHAT_FORM = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,63}");

    TelegramSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code token} and {@code chat-id} (required), {@code api-url}, {@code timeout} and {@code receive}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     */
    static TelegramSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "telegram", Set.of(TOKEN, CHAT_ID, API_URL, RECEIVE));
        String token = channel.required(TOKEN);
        if (!TOKEN_FORM.matcher(token).matches()) {
            throw channel.invalid(TOKEN, "must be a bot token as BotFather gives it: digits, a colon, then letters, "
                    + "digits, '-' and '_'");
        }
        String chatId = channel.required(CHAT_ID);
        if (!isChat(chatId)) {
            throw channel.invalid(CHAT_ID, CHAT_EXPECTED);
        }
        URI apiUrl = channel.httpUrl(API_URL, DEFAULT_API_URL);
        String receive = channel.optional(RECEIVE).orElse("false").toLowerCase(Locale.ROOT);
        if (!receive.equals("true") && !receive.equals("false")) {
            throw channel.invalid(RECEIVE, "must be true or false");
        }
        return new TelegramSettings(settings.channel(), token, chatId, apiUrl, channel.timeout(), receive.equals("true"));
    }

    /**
     * Whether {@code chatId} is a chat's number ({@code 123456789} for a person, {@code -1001234567890}
     * for a group or channel) or a public channel's {@code @username}.
     */
    static boolean isChat(String chatId) {
        return CHAT_FORM.matcher(chatId).matches();
    }

    /** {@code {api-url}/bot<token>/sendMessage}: it holds the token, so it is never shown. */
    URI sendMessageUrl() {
        return methodUrl("sendMessage");
    }

    /** {@code {api-url}/bot<token>/<method>}: it holds the token, so it is never shown. */
    URI methodUrl(String method) {
        String base = apiUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "bot" + token + "/" + method);
    }

    /** The API's scheme, host and port: {@code https://api.telegram.org:443}. */
    String origin() {
        return ChannelHttp.origin(apiUrl);
    }

    /** Shows the channel, the chat, the API's origin, the timeout and whether it receives; never the token. */
    @Override
    public String toString() {
        return "TelegramSettings[channel=" + channel + ", chat=" + chatId + ", api=" + origin() + ", timeout=" + timeout
                + (receive ? ", receiving" : "") + "]";
    }
}
