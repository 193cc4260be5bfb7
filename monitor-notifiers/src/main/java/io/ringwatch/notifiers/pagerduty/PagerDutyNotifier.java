package io.ringwatch.notifiers.pagerduty;

import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Sends each notification to PagerDuty's Events API v2 ({@code POST /v2/enqueue}) as one
 * event ({@link PagerDutyEvent}): a recovery resolves the incident's alert, an acknowledgement
 * acknowledges it, every other kind triggers it, with the incident key as {@code dedup_key}. A
 * {@code 202} with {@code "status":"success"} is a delivery; anything else makes {@link #send}
 * throw an {@link IOException} ({@link PagerDutyAnswer}). The routing key is never shown.
 *
 * <p>Thread-safe: sends may overlap (the engine starts a new one when an earlier one timed
 * out). {@link #close()} is idempotent; a send after it throws {@link IllegalStateException}.
 */
final class PagerDutyNotifier extends HttpNotifier {
    static final String CONTENT_TYPE = "application/json";

    private final PagerDutySettings settings;

    PagerDutyNotifier(PagerDutySettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /**
     * Sends the event and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if PagerDuty refuses the event ({@code refused the event (HTTP 400): …}),
     *         rate-limits it (429), answers anything but a success, does not answer within the
     *         timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.enqueueUrl())
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        PagerDutyEvent.of(notification, settings.routingKey(), settings.group())))
                .build();
        PagerDutyAnswer.check(http().send(request, "PagerDuty"), name(), settings.routingKey());
    }

    @Override
    protected String details() {
        return "api=" + ChannelHttp.origin(settings.enqueueUrl());
    }
}
