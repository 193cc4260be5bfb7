package io.ringwatch.notifiers.mattermost;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.Refusal;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Posts each notification to a Mattermost incoming webhook ({@link MattermostBody}) with
 * {@link ChannelHttp}, in the webhook's or the configured channel, or in a contact's own: the
 * contact's address, a channel's name or {@code @username}, overrides the channel (where the webhook
 * allows it). Mattermost answers {@code 200 ok}; any 2xx is a delivery. Anything else
 * is an {@link IOException} naming the status and Mattermost's error id when it gave one
 * ({@code Mattermost answered HTTP 400 (web.incoming_webhook.channel.app_error)}), never the
 * webhook's URL or key.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class MattermostNotifier extends HttpNotifier {
    static final String PROVIDER = "Mattermost";

    private final MattermostSettings settings;

    MattermostNotifier(MattermostSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /** True: a contact's address is a channel or {@code @username} that the webhook's post may name instead of its own. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Posts the notification and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if Mattermost answers other than 2xx, does not answer within the
     *         timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        post(notification, settings.mattermostChannel());
    }

    /** Empty if {@code address} is a channel's name, or @username; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        return MattermostSettings.isChannelName(address) ? Optional.empty() : Optional.of(MattermostSettings.CHANNEL_NAME_EXPECTED);
    }

    /**
     * Posts the notification in the recipient's channel, its address, instead of the configured
     * one; to {@code @username} it is a direct message from the webhook's creator.
     *
     * @throws IllegalArgumentException if the address is not a channel's name or {@code @username};
     *         the message names the contact, not the address
     * @throws IOException as {@link #deliver}: {@code Mattermost answered HTTP 403
     *         (web.incoming_webhook.channel_locked.app_error)} if the webhook is locked to its channel
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        String mattermostChannel = recipient.address();
        post(notification, Optional.of(mattermostChannel));
    }

    private void post(Notification notification, Optional<String> mattermostChannel)
            throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.webhookUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(MattermostBody.of(notification, mattermostChannel, settings)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        if (!answer.isSuccess()) {
            // Mattermost's errors: {"id":"web.incoming_webhook.invalid.app_error","message":"…","status_code":400}.
            throw Refusal.answered(name(), PROVIDER, answer.status(),
                    CardJson.read(answer.body()).map(node -> node.path("id")).filter(JsonNode::isTextual).map(JsonNode::asText));
        }
    }

    @Override
    protected String details() {
        return "webhook=" + ChannelHttp.origin(settings.webhookUrl());
    }
}
