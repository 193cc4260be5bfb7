package io.ringwatch.engine.probe;

import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * One GET of {@link HttpFetcher}, following redirects up to a limit, all within one timeout.
 * Its result completes once: with the final answer, with why there was none, or with
 * "timed out" at the deadline, which also cancels the request in flight.
 */
final class Fetch {
    private static final Set<Integer> REDIRECT_CODES = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final HttpResponse.BodyHandler<String> bodyHandler;
    private final String userAgent;
    private final int maxRedirects;
    private final Duration timeout;
    private final Stopwatch stopwatch = Stopwatch.start();
    private final CompletableFuture<ServiceResponse> result = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();

    Fetch(HttpClient client, HttpResponse.BodyHandler<String> bodyHandler, String userAgent, int maxRedirects,
            Duration timeout) {
        this.client = client;
        this.bodyHandler = bodyHandler;
        this.userAgent = userAgent;
        this.maxRedirects = maxRedirects;
        this.timeout = timeout;
    }

    CompletableFuture<ServiceResponse> start(URI url) {
        result.completeOnTimeout(new ServiceResponse.NotReceived(NoAnswer.TIMEOUT, NetworkFailures.afterTimeout(timeout),
                timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((response, failure) -> cancelInFlight());
        send(url, 0);
        return result;
    }

    private void send(URI target, int redirectsFollowed) {
        Duration left = stopwatch.remainingOf(timeout);
        if (left.isZero()) {
            result.complete(new ServiceResponse.NotReceived(NoAnswer.TIMEOUT, NetworkFailures.afterTimeout(timeout),
                    stopwatch.elapsed()));
            return;
        }
        CompletableFuture<HttpResponse<String>> call;
        try {
            HttpRequest request = HttpRequest.newBuilder(target).GET().timeout(left).header("User-Agent", userAgent).build();
            call = client.sendAsync(request, bodyHandler);
        } catch (RuntimeException unusable) {
            result.complete(NetworkFailures.notReceived(unusable, stopwatch.elapsed(), timeout, target.getHost()));
            return;
        }
        inFlight.set(call);
        if (result.isDone()) {
            cancelInFlight();
        }
        call.whenComplete((response, failure) -> {
            if (failure != null) {
                result.complete(NetworkFailures.notReceived(failure, stopwatch.elapsed(), timeout, target.getHost()));
            } else {
                answered(target, response, redirectsFollowed);
            }
        });
    }

    private void answered(URI target, HttpResponse<String> response, int redirectsFollowed) {
        if (REDIRECT_CODES.contains(response.statusCode()) && redirectsFollowed < maxRedirects) {
            Optional<URI> next = location(target, response);
            if (next.isPresent()) {
                send(next.get(), redirectsFollowed + 1);
                return;
            }
        }
        result.complete(new ServiceResponse.Received(response.statusCode(), response.body(), stopwatch.elapsed(),
                certificateExpiry(response)));
    }

    /** Where a redirect points, if it names an HTTP or HTTPS URL. */
    private static Optional<URI> location(URI current, HttpResponse<?> response) {
        return response.headers().firstValue("Location").flatMap(location -> {
            try {
                URI next = current.resolve(location.strip());
                String scheme = next.getScheme();
                boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
                return web && next.getHost() != null ? Optional.of(next) : Optional.empty();
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }

    /** When the server's own certificate expires, if the answer came over TLS. */
    private static Optional<Instant> certificateExpiry(HttpResponse<?> response) {
        return response.sslSession().flatMap(Fetch::leafExpiry);
    }

    private static Optional<Instant> leafExpiry(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                return Optional.of(leaf.getNotAfter().toInstant());
            }
        } catch (SSLPeerUnverifiedException unverified) {
            // no certificate to judge
        }
        return Optional.empty();
    }

    private void cancelInFlight() {
        CompletableFuture<?> call = inFlight.get();
        if (call != null) {
            call.cancel(true);
        }
    }
}
