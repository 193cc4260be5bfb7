package io.ringwatch.notifiers.channel;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a channel's requests to its provider with the JDK's {@link HttpClient}: HTTP/1.1, no
 * redirects followed, the system's proxy settings, and the whole exchange (the answer's body
 * included, at most {@link #MAX_ANSWER_BYTES} of it) bounded by the channel's timeout. Failures
 * are {@link IOException}s whose message names the channel and what failed but never the URL,
 * which often holds a token. Thread-safe.
 */
public final class ChannelHttp {
    /** How much of an answer's body is read. */
    public static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** The {@code User-Agent} of every request. */
    public static final String USER_AGENT = "Ringwatch";

    private final String channel;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param channel the channel's name, for messages
     * @param timeout how long one exchange may take, connecting included
     */
    public ChannelHttp(String channel, Duration timeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Every provider speaks HTTP/1.1; the default would try an h2c upgrade on plain
                // http, which some servers and proxies handle badly.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        ProxySelector proxies = ProxySelector.getDefault(); // honours -Dhttps.proxyHost and the like
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.client = builder.build();
    }

    /** The channel's timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** A request to {@code url} with the channel's timeout and {@code User-Agent}. */
    public HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", USER_AGENT);
    }

    /**
     * Sends the request and returns the answer, whatever its status.
     *
     * @param provider who answers, for messages: {@code Slack}, {@code the webhook}
     * @throws IOException if there is no answer within the timeout or the provider cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    public HttpAnswer send(HttpRequest request, String provider) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(request, CappedBody.handler(MAX_ANSWER_BYTES));
        try {
            HttpResponse<String> answer = response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new HttpAnswer(answer.statusCode(), answer.body());
        } catch (TimeoutException e) {
            response.cancel(true);
            throw timedOut(provider, "did not answer");
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw timedOut(provider, "could not be connected to");
            }
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(provider, "did not answer");
            }
            // The cause is not attached: the HTTP client's messages may quote the URL. Its
            // class and its message, with the URL cut out, say what went wrong.
            throw new IOException("channel '" + channel + "': could not reach " + provider + ": "
                    + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + redact(cause.getMessage(), request.uri())));
        }
    }

    /**
     * Sends the request and returns the answer if it is 2xx.
     *
     * @throws IOException as {@link #send}, and when the answer is not 2xx: {@code channel 'x': Slack answered HTTP 500}
     */
    public HttpAnswer sendExpectingSuccess(HttpRequest request, String provider) throws IOException, InterruptedException {
        HttpAnswer answer = send(request, provider);
        if (!answer.isSuccess()) {
            throw new IOException("channel '" + channel + "': " + provider + " answered HTTP " + answer.status());
        }
        return answer;
    }

    /** The URL without its path, query or credentials: {@code https://hooks.example.com:443}. */
    public static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost() + ":" + port;
    }

    /** {@code text} with the URL, its path and its query cut out, for messages that come from elsewhere. */
    public static String redact(String text, URI url) {
        if (text == null) {
            return "";
        }
        String redacted = text.replace(url.toString(), origin(url) + "/…");
        for (String part : new String[] {url.getRawPath(), url.getPath(), url.getRawQuery(), url.getQuery()}) {
            if (part != null && part.length() > 1) {
                redacted = redacted.replace(part, "…");
            }
        }
        return redacted;
    }

    private HttpTimeoutException timedOut(String provider, String what) {
        return new HttpTimeoutException("channel '" + channel + "': " + provider + " " + what + " within "
                + timeout.toMillis() + " ms");
    }

    @Override
    public String toString() {
        return "ChannelHttp[channel=" + channel + ", timeout=" + timeout + "]";
    }
}
