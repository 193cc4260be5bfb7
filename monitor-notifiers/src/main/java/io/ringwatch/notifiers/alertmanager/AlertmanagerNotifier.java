package io.ringwatch.notifiers.alertmanager;

import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Objects;

/**
 * Posts each notification to Alertmanager's {@code POST /api/v2/alerts} as the alerts of
 * {@link AlertmanagerBody}, through {@link ChannelHttp}. A 2xx answer is a delivery; anything
 * else, no answer within the timeout, or a network error makes {@link #send} throw an
 * {@link IOException} whose message names the channel and the cause (with Alertmanager's own
 * one-line reason for a 400) but never the URL's path, the password or the token.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class AlertmanagerNotifier extends HttpNotifier {
    static final String PROVIDER = "Alertmanager";
    private static final int MAX_DETAIL = 200;

    private final AlertmanagerSettings settings;
    private final Clock clock;

    AlertmanagerNotifier(AlertmanagerSettings settings, Clock clock) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Posts the notification's alerts and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if Alertmanager answers other than 2xx ({@code answered HTTP 400: ...}),
     *         does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        byte[] body = AlertmanagerBody.of(notification, clock.instant(), settings);
        HttpRequest.Builder request = http().request(settings.alertsUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpAnswer answer = http().send(request.build(), PROVIDER);
        if (!answer.isSuccess()) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + detail(answer));
        }
    }

    @Override
    protected String details() {
        return "url=" + settings.origin() + ", auth=" + settings.authKind()
                + ", resolveTimeout=" + settings.resolveTimeout();
    }

    /**
     * Alertmanager says why it refused a request in a JSON string ({@code "start time must be
     * before end time"}): shown for a 400, on one line and cut short. Other answers may come
     * from a proxy and echo the request, so their bodies are not shown.
     */
    private static String detail(HttpAnswer answer) {
        String text = answer.body().strip();
        if (answer.status() != 400 || text.isEmpty()) {
            return "";
        }
        text = text.replaceAll("^\"|\"$", "").replaceAll("\\s+", " ");
        return ": " + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text);
    }
}
