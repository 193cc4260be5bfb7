package io.ringwatch.engine.probe;

import io.ringwatch.engine.check.ServiceResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * Fetches status URLs over HTTP and HTTPS for {@link HttpProbe}s and the HTTP transport.
 * Create one per engine or agent and share it: it holds one {@link HttpClient}, with its
 * connection pool and selector thread, whatever the number of targets. Thread-safe.
 *
 * <p>A fetch is a GET that never completes exceptionally: no answer, whatever the cause,
 * is a {@link ServiceResponse.NotReceived} whose detail holds no URL, query or credential.
 * It reads at most {@link Builder#maxBodyBytes} of the body, follows at most
 * {@link Builder#maxRedirects} redirects, and over TLS reports when the server's certificate
 * expires.
 *
 * <pre>{@code
 * HttpFetcher fetcher = HttpFetcher.builder().sslContext(companyCa).build();
 * Probe orders = HttpProbe.of(URI.create("https://n3:8443/health"), Expectation.ofDefaults(), fetcher, clock);
 * }</pre>
 */
public final class HttpFetcher {
    /** How long a connection may take to open by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How much of a body is read by default. */
    public static final int DEFAULT_MAX_BODY_BYTES = 65_536;
    /** How many redirects are followed by default. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    /** The {@code User-Agent} sent by default: {@code Ringwatch/} and the version, or {@code dev}. */
    public static final String DEFAULT_USER_AGENT = "Ringwatch/" + version();

    private final HttpClient client;
    private final HttpResponse.BodyHandler<String> bodyHandler;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final int maxRedirects;
    private final String userAgent;

    private HttpFetcher(Builder builder) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout);
        if (builder.sslContext != null) {
            client.sslContext(builder.sslContext);
        }
        if (builder.executor != null) {
            client.executor(builder.executor);
        }
        this.client = client.build();
        this.bodyHandler = BoundedBody.handler(builder.maxBodyBytes);
        this.connectTimeout = builder.connectTimeout;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxRedirects = builder.maxRedirects;
        this.userAgent = builder.userAgent;
    }

    /** A fetcher with the defaults: 5 s to connect, 64 KiB of body, 5 redirects, the system's trusted CAs. */
    public static HttpFetcher create() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a GET of {@code url} and returns at once. The stage completes within about
     * {@code timeout}, never exceptionally: with the answer (the final one after redirects,
     * or the last redirect when there were too many), or with why there was none.
     *
     * @param url an absolute {@code http} or {@code https} URL
     * @param timeout how long the whole fetch may take, redirects and connecting included
     * @return what came back, with the latency measured from now
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code url} is not an absolute HTTP or HTTPS URL with a host,
     *         or {@code timeout} is not positive
     */
    public CompletionStage<ServiceResponse> fetch(URI url, Duration timeout) {
        requireWebUrl(url);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new Fetch(client, bodyHandler, userAgent, maxRedirects, timeout).start(url);
    }

    /**
     * Checks that {@code url} can be fetched; the message of the exception never shows its
     * user info or query.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute HTTP or HTTPS URL with a host
     */
    static URI requireWebUrl(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("URL must be http or https: " + SafeUri.of(url));
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("URL has no host: " + SafeUri.of(url));
        }
        return url;
    }

    private static String version() {
        String version = HttpFetcher.class.getPackage().getImplementationVersion();
        if (version == null && HttpFetcher.class.getModule().getDescriptor() != null) {
            version = HttpFetcher.class.getModule().getDescriptor().rawVersion().orElse(null);
        }
        return version != null ? version : "dev";
    }

    @Override
    public String toString() {
        return "HttpFetcher[connect within " + connectTimeout.toMillis() + " ms, body up to " + maxBodyBytes
                + " bytes, up to " + maxRedirects + " redirects, " + userAgent + "]";
    }

    /** Builds an {@link HttpFetcher}. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private String userAgent = DEFAULT_USER_AGENT;
        private SSLContext sslContext;
        private Executor executor;

        private Builder() {
        }

        /**
         * How long opening a connection may take; 5 s unless set. The {@link HttpClient} takes
         * one connect timeout for all its requests, so a fetch with a shorter timeout gives up
         * connecting at its own timeout: the effective limit is the smaller of the two.
         *
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("connect timeout must be positive, was " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * How many bytes of a body are read, 65,536 unless set; the rest is not read and the
         * connection is closed. The body is the text of those bytes, decoded as UTF-8.
         *
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("max body bytes must not be negative, was " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * How many redirects (301, 302, 303, 307, 308) one fetch follows, 5 unless set; 0 follows
         * none. The answer after the last one allowed is the result even if it is a redirect too,
         * so that an {@link io.ringwatch.engine.check.Expectation} judges it as its status code.
         *
         * @throws IllegalArgumentException if {@code redirects} is negative
         */
        public Builder maxRedirects(int redirects) {
            if (redirects < 0) {
                throw new IllegalArgumentException("max redirects must not be negative, was " + redirects);
            }
            this.maxRedirects = redirects;
            return this;
        }

        /**
         * The {@code User-Agent} header sent; {@link #DEFAULT_USER_AGENT} unless set.
         *
         * @throws NullPointerException if {@code userAgent} is null
         * @throws IllegalArgumentException if {@code userAgent} is blank or holds a control character
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank() || userAgent.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("user agent must be one non-blank line");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * The TLS context to use, for servers whose certificates a private CA signed; the
         * system's default context (and its trusted CAs) unless set.
         *
         * @throws NullPointerException if {@code context} is null
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Where the client runs its response handling; the {@link HttpClient}'s own pool unless set.
         *
         * @throws NullPointerException if {@code executor} is null
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public HttpFetcher build() {
            return new HttpFetcher(this);
        }
    }
}
