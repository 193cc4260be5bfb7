package io.ringwatch.notifiers.mattermost;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.ChatCard;
import io.ringwatch.notifiers.card.Refusal;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Posts each notification to a Mattermost incoming webhook ({@link MattermostBody}) with
 * {@link ChannelHttp}. Mattermost answers {@code 200 ok}; any 2xx is a delivery. Anything else
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

    /**
     * Posts the notification and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if Mattermost answers other than 2xx, does not answer within the
     *         timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.webhookUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(MattermostBody.of(ChatCard.of(notification), settings)))
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
