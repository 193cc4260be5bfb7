package io.ringwatch.notifiers.webhook;

import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Posts each notification as JSON ({@link WebhookBody}) to the channel's URL with the JDK's
 * {@link java.net.http.HttpClient}, through {@link ChannelHttp}. A 2xx answer is a delivery; anything else, no answer within the timeout,
 * or a network error makes {@link #send} throw an {@link IOException} whose message names the
 * channel and the cause but never the URL or the secret. Redirects are not followed.
 *
 * <p>Thread-safe: sends may overlap (the engine starts a new one when an earlier one timed
 * out). {@link #close()} is idempotent; a send after it throws {@link IllegalStateException}.
 */
final class WebhookNotifier extends HttpNotifier {
    /** The header that carries the signature, {@code sha256=<hex>}, when a secret is set. */
    static final String SIGNATURE = "X-Ringwatch-Signature";
    /** The header that carries the signed timestamp in epoch seconds, when a secret is set. */
    static final String TIMESTAMP = "X-Ringwatch-Timestamp";
    static final String CONTENT_TYPE = "application/json";
    static final String USER_AGENT = ChannelHttp.USER_AGENT;

    private final WebhookSettings settings;
    private final Clock clock;

    WebhookNotifier(WebhookSettings settings, Clock clock) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Posts the notification and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if the receiver answers other than 2xx ({@code answered HTTP 500}),
     *         does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        Instant now = clock.instant();
        byte[] body = WebhookBody.of(notification, now);
        HttpRequest.Builder request = http().request(settings.url())
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.signature().ifPresent(signature -> {
            long timestamp = now.getEpochSecond();
            request.header(TIMESTAMP, Long.toString(timestamp)).header(SIGNATURE, signature.sign(timestamp, body));
        });
        http().sendExpectingSuccess(request.build(), "the webhook");
    }

    @Override
    protected String details() {
        return "url=" + settings.origin() + ", signed=" + settings.signature().isPresent();
    }
}
