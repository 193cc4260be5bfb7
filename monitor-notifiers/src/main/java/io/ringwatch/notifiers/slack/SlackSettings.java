package io.ringwatch.notifiers.slack;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a Slack channel, read and checked: where messages go ({@link Destination})
 * and the timeout. The webhook URL and the token are secrets: {@link #toString()} shows neither.
 * Immutable and thread-safe.
 *
 * @param channel the channel's name in Ringwatch
 * @param destination an incoming webhook, or {@code chat.postMessage} with a token
 * @param timeout how long one delivery may take
 */
record SlackSettings(String channel, Destination destination, Duration timeout) {
    static final String WEBHOOK_URL = "webhook-url";
    static final String TOKEN = "token";
    static final String CHANNEL = "channel";
    static final String API_URL = "api-url";
    static final String DEFAULT_API_URL = "https://slack.com/api";
    /** What {@link #isConversationId} does not accept, said after the contact's address. */
    static final String CONVERSATION_ID_EXPECTED = "must be a Slack user id (U0123ABCDEF, W0123ABCDEF) or channel id "
            + "(C0123ABCDEF, G0123ABCDEF, D0123ABCDEF)";
    /** A token is printable ASCII without blanks, so that it fits in a header. */
    private static final Pattern TOKEN_FORM = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern CONVERSATION_ID_FORM = Pattern.compile("[CDGUW][A-Z0-9]{2,49}");

    SlackSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Where a Slack channel posts. */
    sealed interface Destination permits Webhook, Bot {
        /** Where the request goes, shown as scheme, host and port only. */
        URI url();
    }

    /**
     * An incoming webhook, which posts to the Slack channel it was made for.
     *
     * @param url the webhook's URL, a secret
     */
    record Webhook(URI url) implements Destination {
        @Override
        public String toString() {
            return "incoming webhook " + ChannelHttp.origin(url);
        }
    }

    /**
     * The Web API's {@code chat.postMessage}, with a bot token.
     *
     * @param url the method's URL: the API's base URL and {@code /chat.postMessage}
     * @param token the bot token ({@code xoxb-…}), a secret
     * @param slackChannel the Slack channel: {@code #ops}, {@code ops} or an id such as {@code C0123456789}
     */
    record Bot(URI url, String token, String slackChannel) implements Destination {
        @Override
        public String toString() {
            return "chat.postMessage " + ChannelHttp.origin(url) + " to " + slackChannel;
        }
    }

    /**
     * Reads {@code webhook-url}, or {@code token} and {@code channel} (and {@code api-url}),
     * and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         neither or both ways are given, a setting is missing, malformed or unknown, or a
     *         setting of the other way is given
     */
    static SlackSettings from(NotifierSettings settings) {
        ChannelSettings read = ChannelSettings.of(settings, "slack", Set.of(WEBHOOK_URL, TOKEN, CHANNEL, API_URL));
        boolean webhook = settings.get(WEBHOOK_URL).isPresent();
        boolean bot = settings.get(TOKEN).isPresent();
        if (webhook && bot) {
            throw new IllegalArgumentException("channel '" + read.channel() + "': settings '" + WEBHOOK_URL + "' and '"
                    + TOKEN + "' exclude each other; give an incoming webhook's URL or a bot token, not both");
        }
        if (!webhook && !bot) {
            throw new IllegalArgumentException("channel '" + read.channel() + "': a slack channel needs setting '"
                    + WEBHOOK_URL + "' (an incoming webhook), or settings '" + TOKEN + "' and '" + CHANNEL
                    + "' (chat.postMessage)");
        }
        Destination destination = webhook ? webhook(read, settings) : bot(read);
        return new SlackSettings(read.channel(), destination, read.timeout());
    }

    private static Webhook webhook(ChannelSettings read, NotifierSettings settings) {
        for (String botOnly : new String[] {CHANNEL, API_URL}) {
            if (settings.get(botOnly).isPresent()) {
                throw read.invalid(botOnly, "applies only with '" + TOKEN + "': an incoming webhook posts to the "
                        + "channel it was made for");
            }
        }
        return new Webhook(read.httpUrl(WEBHOOK_URL));
    }

    private static Bot bot(ChannelSettings read) {
        String token = read.required(TOKEN);
        if (!TOKEN_FORM.matcher(token).matches()) {
            throw read.invalid(TOKEN, "must be a Slack token such as xoxb-…, without blanks or control characters");
        }
        String slackChannel = read.required(CHANNEL);
        URI api = read.httpUrl(API_URL, DEFAULT_API_URL);
        String base = api.toString().replaceAll("/+$", "");
        return new Bot(URI.create(base + "/chat.postMessage"), token, slackChannel);
    }

    /**
     * Whether {@code id} is what {@code chat.postMessage} takes as {@code channel} to reach one
     * person or conversation: a user's id ({@code U…}, {@code W…}; the message goes to the person's
     * direct messages with the app) or a conversation's ({@code C…}, {@code G…}, {@code D…}).
     */
    static boolean isConversationId(String id) {
        return CONVERSATION_ID_FORM.matcher(id).matches();
    }

    /** The URL requests go to, shown as scheme, host and port only. */
    String origin() {
        return ChannelHttp.origin(destination.url());
    }

    /** Shows the channel, the way it posts, the origin and the timeout: no URL path, no token. */
    @Override
    public String toString() {
        return "SlackSettings[channel=" + channel + ", " + destination + ", timeout=" + timeout + "]";
    }
}
