package io.ringwatch.notifiers.slack;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Posts each notification to Slack ({@link SlackBody}) through an incoming webhook or
 * {@code chat.postMessage}, with {@link ChannelHttp}. With {@code chat.postMessage} it also posts
 * to a contact's own address, a user or channel id, instead of the configured channel; a webhook
 * has one fixed destination. A webhook delivers on any 2xx answer;
 * {@code chat.postMessage} only when its 2xx answer says {@code "ok":true}, since Slack reports
 * its errors as {@code 200 {"ok":false,"error":"channel_not_found"}}. Every failure is an
 * {@link IOException} whose message names the channel and the cause, never the URL or the token.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class SlackNotifier extends HttpNotifier {
    static final String PROVIDER = "Slack";

    private final SlackSettings settings;

    SlackNotifier(SlackSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /** True with {@code chat.postMessage}, which posts wherever the bot may; false with a webhook, fixed to its channel. */
    @Override
    public boolean sendsToAddresses() {
        return settings.destination() instanceof SlackSettings.Bot;
    }

    /**
     * Posts the notification and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if Slack answers other than 2xx ({@code Slack answered HTTP 404 (channel_not_found)}),
     *         {@code chat.postMessage} answers {@code "ok":false} ({@code Slack refused the message: not_in_channel}),
     *         or Slack does not answer within the timeout or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        if (settings.destination() instanceof SlackSettings.Bot bot) {
            postMessage(bot, bot.slackChannel(), notification);
        } else {
            postToWebhook((SlackSettings.Webhook) settings.destination(), notification);
        }
    }

    /** Empty if {@code address} is a Slack user or channel id; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        if (!sendsToAddresses()) {
            return Optional.empty();
        }
        return SlackSettings.isConversationId(address) ? Optional.empty() : Optional.of(SlackSettings.CONVERSATION_ID_EXPECTED);
    }

    /**
     * Posts the notification with {@code chat.postMessage} to the recipient's address instead of
     * the configured channel: to a user's id, it arrives in the person's direct messages with the app.
     *
     * @throws IllegalArgumentException if the address is not a user or channel id; the message
     *         names the contact, not the address
     * @throws IOException as {@link #deliver}
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        String conversation = recipient.address();
        // sendsToAddresses() is true, so the destination is chat.postMessage.
        postMessage((SlackSettings.Bot) settings.destination(), conversation, notification);
    }

    private void postToWebhook(SlackSettings.Webhook webhook, Notification notification)
            throws IOException, InterruptedException {
        HttpRequest request = http().request(webhook.url())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SlackBody.of(notification, Optional.empty())))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        if (!answer.isSuccess()) {
            // A webhook's error is a code in plain text: 404 channel_not_found, 410 channel_is_archived.
            throw SlackReply.refusedWebhook(name(), answer);
        }
    }

    private void postMessage(SlackSettings.Bot bot, String slackChannel, Notification notification)
            throws IOException, InterruptedException {
        HttpRequest request = http().request(bot.url())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + bot.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(SlackBody.of(notification, Optional.of(slackChannel))))
                .build();
        SlackReply.check(name(), http().send(request, PROVIDER));
    }

    @Override
    protected String details() {
        return settings.destination().toString();
    }
}
