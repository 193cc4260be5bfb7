package io.ringwatch.engine.probe;

import io.ringwatch.api.Probe;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.engine.check.Expectation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Checks a service's status URL: fetches it and judges the answer against an
 * {@link Expectation}. No answer is DOWN, a bad answer DEGRADED, a good one UP. Immutable
 * and thread-safe; its {@code toString()} shows the URL without user info or query.
 */
public final class HttpProbe implements Probe {
    private final URI url;
    private final Expectation expectation;
    private final HttpFetcher fetcher;
    private final Clock clock;

    private HttpProbe(URI url, Expectation expectation, HttpFetcher fetcher, Clock clock) {
        this.url = url;
        this.expectation = expectation;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * A probe of {@code url}.
     *
     * @param url an absolute {@code http} or {@code https} URL
     * @param expectation what a good answer looks like
     * @param fetcher the shared fetcher that fetches it
     * @param clock the time against which a TLS certificate's expiry is judged
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code url} is not an absolute HTTP or HTTPS URL with a host
     */
    public static HttpProbe of(URI url, Expectation expectation, HttpFetcher fetcher, Clock clock) {
        return new HttpProbe(HttpFetcher.requireWebUrl(url), Objects.requireNonNull(expectation, "expectation"),
                Objects.requireNonNull(fetcher, "fetcher"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    @Override
    public CompletionStage<ProbeResult> check(Duration timeout) {
        return fetcher.fetch(url, timeout).thenApply(response -> expectation.classify(response, clock.instant()));
    }

    @Override
    public String toString() {
        return "HttpProbe[GET " + SafeUri.of(url) + "]";
    }
}
