package io.ringwatch.notifiers.opsgenie;

import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Sends each notification to Opsgenie's Alert API ({@link OpsgenieRequest}) with the header
 * {@code Authorization: GenieKey <key>}: a recovery closes the incident's alert, every other
 * kind creates it. A 2xx ({@code 202 Accepted}) is a delivery; anything else makes
 * {@link #send} throw an {@link IOException} ({@link OpsgenieAnswer}). The key is never shown.
 *
 * <p>Thread-safe: sends may overlap (the engine starts a new one when an earlier one timed
 * out). {@link #close()} is idempotent; a send after it throws {@link IllegalStateException}.
 */
final class OpsgenieNotifier extends HttpNotifier {
    static final String CONTENT_TYPE = "application/json";

    private final OpsgenieSettings settings;

    OpsgenieNotifier(OpsgenieSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /**
     * Creates or closes the alert and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if Opsgenie answers other than 2xx ({@code answered HTTP 422: …}),
     *         does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        OpsgenieRequest alert = OpsgenieRequest.of(notification);
        HttpRequest request = http().request(settings.resolve(alert.path()))
                .header("Content-Type", CONTENT_TYPE)
                .header("Authorization", "GenieKey " + settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(alert.body()))
                .build();
        OpsgenieAnswer.check(http().send(request, "Opsgenie"), name(), settings.apiKey());
    }

    @Override
    protected String details() {
        return "api=" + ChannelHttp.origin(settings.apiUrl());
    }
}
