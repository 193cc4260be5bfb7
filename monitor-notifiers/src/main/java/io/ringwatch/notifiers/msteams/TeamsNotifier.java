package io.ringwatch.notifiers.msteams;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.Refusal;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Posts each notification to a Teams Workflows webhook ({@link TeamsBody}) with
 * {@link ChannelHttp}: one fixed destination, so it does not send to contacts' addresses. The
 * workflow answers {@code 202 Accepted} when it has taken the card; any 2xx is a delivery (the
 * workflow then posts it on its own: a workflow that fails later, say because its owner left, is
 * seen only in the workflow's run history). Anything else is an {@link IOException} naming the
 * status and the workflow's error code when it gave one ({@code Teams answered HTTP 400
 * (TriggerInputSchemaMismatch)}), never the URL or its signature.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class TeamsNotifier extends HttpNotifier {
    static final String PROVIDER = "Teams";

    private final TeamsSettings settings;

    TeamsNotifier(TeamsSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /**
     * Posts the notification and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if the workflow answers other than 2xx, does not answer within the
     *         timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.webhookUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TeamsBody.of(notification)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        if (!answer.isSuccess()) {
            // Power Automate's errors: {"error":{"code":"WorkflowTriggerIsNotEnabled","message":"…"}}.
            throw Refusal.answered(name(), PROVIDER, answer.status(), CardJson.read(answer.body())
                    .map(node -> node.path("error").path("code")).filter(JsonNode::isTextual).map(JsonNode::asText));
        }
    }

    @Override
    protected String details() {
        return "webhook=" + ChannelHttp.origin(settings.webhookUrl());
    }
}
