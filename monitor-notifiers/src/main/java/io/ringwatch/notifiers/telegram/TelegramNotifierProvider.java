package io.ringwatch.notifiers.telegram;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code telegram} channel: a bot posts each notification to one chat with the
 * Bot API's {@code sendMessage}, or to a contact's own chat, whose id is the contact's address. Settings:
 * <ul>
 *   <li>{@code token} (required, a secret): the bot's token, {@code 123456:ABC-DEF…};</li>
 *   <li>{@code chat-id} (required): the chat's number ({@code -1001234567890}) or a public
 *       channel's {@code @username};</li>
 *   <li>{@code api-url} (optional, default {@code https://api.telegram.org}): the Bot API's base
 *       URL, for a local Bot API server or a test;</li>
 *   <li>{@code timeout} (optional, default 10 s);</li>
 *   <li>{@code receive} (optional, default false): whether the bot also receives what people
 *       write to it, with {@code getUpdates}, and answers their commands.</li>
 * </ul>
 * As a channel URL: {@code tgram://TOKEN/CHAT_ID}, with {@code api-url}, {@code timeout} and
 * {@code receive} allowed in the query. An unknown setting is rejected. Thread-safe, as are its notifiers.
 */
public final class TelegramNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "telegram";
    /** The channel URL's form, for messages. */
    static final String URL_FORM = "tgram://TOKEN/CHAT_ID[?timeout=10s&receive=true]";

    /** Needed by {@link java.util.ServiceLoader}. */
    public TelegramNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a telegram notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new TelegramNotifier(TelegramSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code tgram}, as Apprise writes it. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("tgram");
    }

    /**
     * Reads {@code tgram://123456:ABC-DEF/-1001234567890?timeout=5s&receive=true}: the bot token, then the chat.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        List<String> path = parsed.pathParts();
        if (path.size() != 1) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (one chat after the token)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TelegramSettings.TOKEN, parsed.authority());
        settings.put(TelegramSettings.CHAT_ID, path.get(0));
        parsed.query().forEach(settings::putIfAbsent);
        return settings;
    }

    @Override
    public String toString() {
        return "TelegramNotifierProvider[" + ID + "]";
    }
}
