package io.ringwatch.engine;

import java.time.Duration;

/**
 * How hard the engine tries to deliver a notification to a channel: attempts, exponential
 * backoff with jitter between them, and when a channel that keeps failing is suspended (its
 * circuit opens) and for how long. Immutable and thread-safe.
 *
 * <p>With the defaults a notification is tried 6 times over about 2.5 minutes (retries after
 * 5, 10, 20, 40 and 80 s, each up to 20% later), and a channel on which 3 different deliveries
 * failed in a row is not tried for a minute, then tried once before it is used again.
 */
public final class DeliveryPolicy {
    /** Attempts per notification and channel, the first included. */
    public static final int DEFAULT_ATTEMPTS = 6;
    /** The wait before the first retry; each next wait doubles. */
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(5);
    /** The longest wait between two attempts. */
    public static final Duration DEFAULT_MAX_RETRY = Duration.ofMinutes(5);
    /** Share of each wait added at random, so that channels and engines do not retry in step. */
    public static final double DEFAULT_JITTER = 0.2;
    /** Different deliveries failing in a row (the retries of one count once) after which a channel is suspended. */
    public static final int DEFAULT_SUSPEND_AFTER = 3;
    /** How long a suspended channel is left alone before it is tried again. */
    public static final Duration DEFAULT_SUSPEND_FOR = Duration.ofMinutes(1);

    private static final DeliveryPolicy DEFAULTS = new Builder().build();
    private static final DeliveryPolicy ONCE = new Builder().attempts(1).suspendAfter(Integer.MAX_VALUE).build();

    private final int attempts;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final double jitter;
    private final int suspendAfter;
    private final Duration suspendFor;

    private DeliveryPolicy(Builder builder) {
        attempts = builder.attempts;
        firstRetry = builder.firstRetry;
        maxRetry = builder.maxRetry;
        jitter = builder.jitter;
        suspendAfter = builder.suspendAfter;
        suspendFor = builder.suspendFor;
    }

    /** 6 attempts, retries after 5 s doubling up to 5 min with 20% jitter, suspension after 3 failures for 1 min. */
    public static DeliveryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** One attempt per notification, no retry, and a channel is never suspended. */
    public static DeliveryPolicy once() {
        return ONCE;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    public int attempts() {
        return attempts;
    }

    public Duration firstRetry() {
        return firstRetry;
    }

    public Duration maxRetry() {
        return maxRetry;
    }

    public double jitter() {
        return jitter;
    }

    public int suspendAfter() {
        return suspendAfter;
    }

    public Duration suspendFor() {
        return suspendFor;
    }

    /**
     * The wait before attempt {@code attempt + 1} after attempt {@code attempt} failed, before jitter:
     * the first retry's wait, doubled for each attempt since, at most {@link #maxRetry()}.
     */
    public Duration backoff(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    @Override
    public String toString() {
        return "DeliveryPolicy[attempts=" + attempts + ", firstRetry=" + firstRetry + ", maxRetry=" + maxRetry
                + ", jitter=" + jitter + ", suspendAfter=" + suspendAfter + ", suspendFor=" + suspendFor + "]";
    }

    /** Collects a policy. Not thread-safe. */
    public static final class Builder {
        private int attempts = DEFAULT_ATTEMPTS;
        private Duration firstRetry = DEFAULT_FIRST_RETRY;
        private Duration maxRetry = DEFAULT_MAX_RETRY;
        private double jitter = DEFAULT_JITTER;
        private int suspendAfter = DEFAULT_SUSPEND_AFTER;
        private Duration suspendFor = DEFAULT_SUSPEND_FOR;

        private Builder() {
        }

        /** @throws IllegalArgumentException if less than 1 */
        public Builder attempts(int attempts) {
            this.attempts = MonitorConfig.Builder.atLeastOne(attempts, "attempts");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder firstRetry(Duration firstRetry) {
            this.firstRetry = MonitorConfig.Builder.positive(firstRetry, "firstRetry");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder maxRetry(Duration maxRetry) {
            this.maxRetry = MonitorConfig.Builder.positive(maxRetry, "maxRetry");
            return this;
        }

        /** @throws IllegalArgumentException if not within 0 to 1 */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be within 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** @throws IllegalArgumentException if less than 1 */
        public Builder suspendAfter(int failures) {
            this.suspendAfter = MonitorConfig.Builder.atLeastOne(failures, "suspendAfter");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder suspendFor(Duration suspendFor) {
            this.suspendFor = MonitorConfig.Builder.positive(suspendFor, "suspendFor");
            return this;
        }

        /** @throws IllegalArgumentException if the longest wait is shorter than the first */
        public DeliveryPolicy build() {
            if (maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("maxRetry (" + maxRetry + ") must not be shorter than firstRetry (" + firstRetry + ")");
            }
            return new DeliveryPolicy(this);
        }
    }
}
