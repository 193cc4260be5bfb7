package io.ringwatch.engine.check;

import io.ringwatch.api.OneLine;
import io.ringwatch.api.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a good answer from one service looks like: the status codes accepted, what the body
 * must contain, how fast it must come, how long its TLS certificate must still be valid.
 * Anything else is {@link io.ringwatch.api.Status#DEGRADED}; no answer at all is
 * {@link io.ringwatch.api.Status#DOWN}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Expectation actuator = Expectation.custom()
 *         .jsonField("status", "UP")          // Spring Boot Actuator, MicroProfile Health
 *         .slowerThan(Duration.ofSeconds(2))
 *         .build();
 * }</pre>
 */
public final class Expectation {
    /** Accepted status codes by default: 200 to 299. */
    public static final StatusCodes DEFAULT_STATUS_CODES = StatusCodes.range(200, 299);
    /** Slower answers than this are degraded by default. */
    public static final Duration DEFAULT_SLOW_THRESHOLD = Duration.ofSeconds(5);
    /** A certificate that expires sooner than this is degraded by default. */
    public static final Duration DEFAULT_CERTIFICATE_WARNING = Duration.ofDays(14);

    private static final Expectation DEFAULTS = new Builder().build();

    private final StatusCodes statusCodes;
    private final List<BodyCheck> bodyChecks;
    private final Duration slowThreshold;
    private final Duration certificateWarning;

    private Expectation(Builder builder) {
        statusCodes = builder.statusCodes;
        bodyChecks = List.copyOf(builder.bodyChecks);
        slowThreshold = builder.slowThreshold;
        certificateWarning = builder.certificateWarning;
    }

    /** 2xx, any body, slower than 5 s degraded, a certificate expiring within 14 days degraded. */
    public static Expectation ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(Expectation base) {
        Builder builder = new Builder();
        builder.statusCodes = base.statusCodes;
        builder.bodyChecks.addAll(base.bodyChecks);
        builder.slowThreshold = base.slowThreshold;
        builder.certificateWarning = base.certificateWarning;
        return builder;
    }

    /**
     * Judges one response.
     *
     * @param response what came back
     * @param now the current time, for the certificate's remaining validity
     * @return UP, DEGRADED or DOWN with the response's latency and a one-line reason
     */
    public ProbeResult classify(ServiceResponse response, Instant now) {
        Duration latency = response.latency();
        if (response instanceof ServiceResponse.NotReceived none) {
            return ProbeResult.down(latency, none.reason());
        }
        ServiceResponse.Received answer = (ServiceResponse.Received) response;
        if (!statusCodes.accepts(answer.statusCode())) {
            return ProbeResult.degraded(latency, "HTTP " + answer.statusCode() + ", expected " + statusCodes);
        }
        for (BodyCheck check : bodyChecks) {
            Optional<String> problem = check.problemWith(answer.body());
            if (problem.isPresent()) {
                return ProbeResult.degraded(latency, problem.get());
            }
        }
        if (slowThreshold != null && latency.compareTo(slowThreshold) > 0) {
            return ProbeResult.degraded(latency, "slow: " + millis(latency) + " ms, more than " + millis(slowThreshold) + " ms");
        }
        if (certificateWarning != null && answer.certificateExpiry().isPresent()) {
            Instant expiry = answer.certificateExpiry().get();
            if (!expiry.isAfter(now.plus(certificateWarning))) {
                long days = Duration.between(now, expiry).toDays();
                String when = expiry.isAfter(now) ? "expires in " + days + " days" : "expired";
                return ProbeResult.degraded(latency, "TLS certificate " + when + " (" + expiry + ")");
            }
        }
        return ProbeResult.up(latency, "HTTP " + answer.statusCode());
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    @Override
    public String toString() {
        return "Expectation[status " + statusCodes + ", body " + bodyChecks + ", slow > " + slowThreshold
                + ", certificate within " + certificateWarning + "]";
    }

    /** Builds an {@link Expectation}. Not thread-safe. */
    public static final class Builder {
        private StatusCodes statusCodes = DEFAULT_STATUS_CODES;
        private final List<BodyCheck> bodyChecks = new ArrayList<>();
        private Duration slowThreshold = DEFAULT_SLOW_THRESHOLD;
        private Duration certificateWarning = DEFAULT_CERTIFICATE_WARNING;

        private Builder() {
        }

        /** Accepts these status codes only. */
        public Builder statusCodes(StatusCodes codes) {
            this.statusCodes = Objects.requireNonNull(codes, "codes");
            return this;
        }

        /** The body must contain this text. */
        public Builder bodyContains(String text) {
            bodyChecks.add(BodyCheck.contains(text));
            return this;
        }

        /**
         * The body must contain a match of this regular expression.
         *
         * @throws java.util.regex.PatternSyntaxException if it is not a valid expression
         */
        public Builder bodyMatches(String regex) {
            bodyChecks.add(BodyCheck.matches(Pattern.compile(regex)));
            return this;
        }

        /**
         * The body must be JSON with this field at this value, such as {@code status} = {@code UP}
         * for Spring Boot Actuator and MicroProfile Health. Nested fields use dots:
         * {@code components.db.status}.
         */
        public Builder jsonField(String path, String expectedValue) {
            bodyChecks.add(BodyCheck.jsonField(path, expectedValue));
            return this;
        }

        /** Shorthand for {@code jsonField("status", "UP")}: Spring Boot Actuator and MicroProfile Health. */
        public Builder healthStatusUp() {
            return jsonField("status", "UP");
        }

        /**
         * Answers slower than this are degraded.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder slowerThan(Duration threshold) {
            requirePositive(threshold, "slow threshold");
            this.slowThreshold = threshold;
            return this;
        }

        /** No answer is too slow, as long as it comes within the timeout. */
        public Builder anySpeed() {
            this.slowThreshold = null;
            return this;
        }

        /**
         * A TLS certificate that expires sooner than this is degraded.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder certificateValidFor(Duration warning) {
            requirePositive(warning, "certificate warning");
            this.certificateWarning = warning;
            return this;
        }

        /** Certificates' expiry is not judged. */
        public Builder ignoreCertificateExpiry() {
            this.certificateWarning = null;
            return this;
        }

        public Expectation build() {
            return new Expectation(this);
        }

        private static void requirePositive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, was " + duration);
            }
        }
    }

    static String quote(String text) {
        return "'" + OneLine.of(text, 60) + "'";
    }
}
