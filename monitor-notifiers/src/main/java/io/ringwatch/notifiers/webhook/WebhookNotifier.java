package io.ringwatch.notifiers.webhook;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts each notification as JSON ({@link WebhookBody}) to the channel's URL with the JDK's
 * {@link HttpClient}. A 2xx answer is a delivery; anything else, no answer within the timeout,
 * or a network error makes {@link #send} throw an {@link IOException} whose message names the
 * channel and the cause but never the URL or the secret. Redirects are not followed.
 *
 * <p>Thread-safe: sends may overlap (the engine starts a new one when an earlier one timed
 * out). {@link #close()} is idempotent; a send after it throws {@link IllegalStateException}.
 */
final class WebhookNotifier implements Notifier {
    /** The header that carries the signature, {@code sha256=<hex>}, when a secret is set. */
    static final String SIGNATURE = "X-Ringwatch-Signature";
    /** The header that carries the signed timestamp in epoch seconds, when a secret is set. */
    static final String TIMESTAMP = "X-Ringwatch-Timestamp";
    static final String CONTENT_TYPE = "application/json";
    static final String USER_AGENT = "Ringwatch";

    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private volatile boolean closed;

    WebhookNotifier(WebhookSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Every webhook receiver speaks HTTP/1.1; the default would try an h2c upgrade
                // on plain http, which some servers and proxies handle badly.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout());
        ProxySelector proxies = ProxySelector.getDefault(); // honours -Dhttps.proxyHost and the like
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.client = builder.build();
    }

    @Override
    public String name() {
        return settings.channel();
    }

    /**
     * Posts the notification and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if the receiver answers other than 2xx ({@code answered HTTP 500}),
     *         does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     * @throws IllegalStateException if the notifier is closed
     * @throws NullPointerException if {@code notification} is null
     */
    @Override
    public void send(Notification notification) throws IOException, InterruptedException {
        Objects.requireNonNull(notification, "notification");
        if (closed) {
            throw new IllegalStateException("channel '" + name() + "' is closed");
        }
        Instant now = clock.instant();
        byte[] body = WebhookBody.of(notification, now);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.signature().ifPresent(signature -> {
            long timestamp = now.getEpochSecond();
            request.header(TIMESTAMP, Long.toString(timestamp)).header(SIGNATURE, signature.sign(timestamp, body));
        });
        int status = exchange(request.build());
        if (status < 200 || status > 299) {
            throw new IOException("channel '" + name() + "': the webhook answered HTTP " + status);
        }
    }

    /**
     * Sends the request and returns the answer's status code, the whole exchange (body
     * included) bounded by the timeout.
     */
    private int exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return response.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS).statusCode();
        } catch (TimeoutException e) {
            response.cancel(true);
            throw timedOut("did not answer");
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw timedOut("could not be connected to");
            }
            if (cause instanceof HttpTimeoutException) {
                throw timedOut("did not answer");
            }
            // The cause is not attached: the HTTP client's messages may quote the URL. Its
            // class and its message, with the URL cut out, say what went wrong.
            throw new IOException("channel '" + name() + "': could not reach the webhook: "
                    + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + settings.redact(cause.getMessage())));
        }
    }

    private HttpTimeoutException timedOut(String what) {
        return new HttpTimeoutException("channel '" + name() + "': the webhook " + what + " within "
                + settings.timeout().toMillis() + " ms");
    }

    /** Refuses further sends. The HTTP client's threads end on their own once it is unused. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "WebhookNotifier[channel=" + name() + ", url=" + settings.origin() + ", signed="
                + settings.signature().isPresent() + ", timeout=" + settings.timeout() + "]";
    }
}
