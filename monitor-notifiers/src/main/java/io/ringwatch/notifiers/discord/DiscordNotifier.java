package io.ringwatch.notifiers.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.Refusal;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Posts each notification to a Discord webhook ({@link DiscordBody}) with {@link ChannelHttp}: one
 * fixed destination, so it does not send to contacts' addresses. Discord answers {@code 204 No
 * Content}; any 2xx is a delivery. {@code 429} is a failure that says the webhook is rate limited
 * and, when Discord said it, after how long to try again; nothing is retried here. Every failure
 * is an {@link IOException} whose message names the channel and the cause, never the webhook's
 * URL or token.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class DiscordNotifier extends HttpNotifier {
    static final String PROVIDER = "Discord";
    static final int TOO_MANY_REQUESTS = 429;

    private final DiscordSettings settings;

    DiscordNotifier(DiscordSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /**
     * Posts the notification and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if Discord rate limits the webhook ({@code Discord rate limited the
     *         webhook (HTTP 429); retry after 1.5 s}), answers other than 2xx ({@code Discord
     *         answered HTTP 404 (10015)}), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.webhookUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(DiscordBody.of(notification, settings)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        if (answer.isSuccess()) {
            return;
        }
        Optional<JsonNode> json = CardJson.read(answer.body());
        if (answer.status() == TOO_MANY_REQUESTS) {
            throw new IOException("channel '" + name() + "': Discord rate limited the webhook (HTTP 429)"
                    + json.map(node -> node.path("retry_after")).filter(JsonNode::isNumber)
                            .map(after -> "; retry after " + seconds(after.decimalValue()) + " s").orElse(""));
        }
        // Discord's JSON errors carry a numeric code: {"message":"Unknown Webhook","code":10015}.
        throw Refusal.answered(name(), PROVIDER, answer.status(),
                json.map(node -> node.path("code")).filter(JsonNode::isIntegralNumber).map(JsonNode::asText));
    }

    private static String seconds(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    protected String details() {
        return "webhook=" + ChannelHttp.origin(settings.webhookUrl());
    }
}
