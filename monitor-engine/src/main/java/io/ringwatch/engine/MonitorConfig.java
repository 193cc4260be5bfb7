package io.ringwatch.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how carefully an engine checks, and when it tells people. Every value has a
 * named default; start from {@link #ofDefaults()}, or change some with {@link #custom()} or
 * {@link #from(MonitorConfig)}. Immutable and thread-safe.
 *
 * <p>A watcher confirms a failure within {@code interval + jitter + (confirmations - 1) ×
 * retryInterval}, plus one timeout per check when checks time out rather than being refused:
 * with the defaults, 76 s for a crashed machine whose connections are refused and 96 s for a hung
 * one, plus the round of questions to other watchers. Every value can be tightened to seconds.
 */
public final class MonitorConfig {
    /** How many live successors each node watches (K). */
    public static final int DEFAULT_PARTNERS = 2;
    /** Time between check cycles. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    /** Share of the interval added at random to each cycle, so nodes do not synchronise. */
    public static final double DEFAULT_JITTER = 0.1;
    /** How long one check may take before it counts as no answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Time between quick re-checks while a change is unconfirmed. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(10);
    /** Bad observations in a row that confirm trouble. */
    public static final int DEFAULT_CONFIRMATIONS = 2;
    /** Good observations in a row that confirm a recovery. */
    public static final int DEFAULT_RECOVERIES = 2;
    /** Whether a watcher asks the target's other watchers before accusing it. */
    public static final boolean DEFAULT_CONFIRM_WITH_PEERS = true;
    /** How long a watcher waits for another node's answer. */
    public static final Duration DEFAULT_PEER_TIMEOUT = Duration.ofSeconds(15);
    /** How long a watcher that is not the nearest waits, per watcher nearer than it, before it checks whether the nearer one notified. */
    public static final Duration DEFAULT_HANDOFF_DELAY = Duration.ofSeconds(15);
    /** Time between reminders while a target stays in trouble unacknowledged. */
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofMinutes(30);
    /** Time after an unacknowledged DOWN alert when the on-call person is phoned. */
    public static final Duration DEFAULT_ESCALATION_DELAY = Duration.ofMinutes(15);
    /** Weighted share of changes among the last 21 observations above which a target is flapping. */
    public static final double DEFAULT_FLAP_HIGH = 0.30;
    /** Weighted share of changes below which a flapping target has settled. */
    public static final double DEFAULT_FLAP_LOW = 0.25;
    /** Disputed confirmations in a row after which a watcher tells people its own path looks bad. */
    public static final int DEFAULT_DISPUTES_BEFORE_NOTICE = 3;
    /** How long a watcher may distrust its own view before it tells people. */
    public static final Duration DEFAULT_SELF_SUSPICION_NOTICE_AFTER = Duration.ofMinutes(5);
    /** How long one delivery to a channel may take. */
    public static final Duration DEFAULT_NOTIFIER_TIMEOUT = Duration.ofSeconds(10);

    private static final MonitorConfig DEFAULTS = new Builder().build();

    private final int partners;
    private final Duration interval;
    private final double jitter;
    private final Duration timeout;
    private final Duration retryInterval;
    private final int confirmations;
    private final int recoveries;
    private final boolean confirmWithPeers;
    private final Duration peerTimeout;
    private final Duration handoffDelay;
    private final Duration repeatInterval;
    private final Duration escalationDelay;
    private final double flapHigh;
    private final double flapLow;
    private final Duration lateCycleThreshold;
    /** The late-cycle threshold as set, or null when it follows the interval. */
    private final Duration lateCycleThresholdSet;
    private final int disputesBeforeNotice;
    private final Duration selfSuspicionNoticeAfter;
    private final Duration notifierTimeout;

    private MonitorConfig(Builder builder) {
        partners = builder.partners;
        interval = builder.interval;
        jitter = builder.jitter;
        timeout = builder.timeout;
        retryInterval = builder.retryInterval;
        confirmations = builder.confirmations;
        recoveries = builder.recoveries;
        confirmWithPeers = builder.confirmWithPeers;
        peerTimeout = builder.peerTimeout;
        handoffDelay = builder.handoffDelay;
        repeatInterval = builder.repeatInterval;
        escalationDelay = builder.escalationDelay;
        flapHigh = builder.flapHigh;
        flapLow = builder.flapLow;
        lateCycleThresholdSet = builder.lateCycleThreshold;
        lateCycleThreshold = lateCycleThresholdSet != null ? lateCycleThresholdSet : interval.dividedBy(2);
        disputesBeforeNotice = builder.disputesBeforeNotice;
        selfSuspicionNoticeAfter = builder.selfSuspicionNoticeAfter;
        notifierTimeout = builder.notifierTimeout;
    }

    /** The defaults: the constants of this class. */
    public static MonitorConfig ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(MonitorConfig base) {
        return new Builder(base);
    }

    /** How many live successors each node watches (K). */
    public int partners() {
        return partners;
    }

    /** Time between check cycles. */
    public Duration interval() {
        return interval;
    }

    /** Share of the interval, 0 to 0.5, added at random to each cycle. */
    public double jitter() {
        return jitter;
    }

    /** How long one check may take. */
    public Duration timeout() {
        return timeout;
    }

    /** Time between quick re-checks while a change is unconfirmed. */
    public Duration retryInterval() {
        return retryInterval;
    }

    /** Bad observations in a row that confirm trouble. */
    public int confirmations() {
        return confirmations;
    }

    /** Good observations in a row that confirm a recovery. */
    public int recoveries() {
        return recoveries;
    }

    /** Whether a watcher asks the target's other watchers before accusing it. */
    public boolean confirmWithPeers() {
        return confirmWithPeers;
    }

    /** How long a watcher waits for another node's answer. */
    public Duration peerTimeout() {
        return peerTimeout;
    }

    /** Wait per nearer watcher before a farther watcher checks that the nearer one notified. */
    public Duration handoffDelay() {
        return handoffDelay;
    }

    /**
     * The longest a farther watcher waits for a nearer one that is alive but has not notified
     * yet: long enough for the nearer one to detect and confirm the change itself.
     */
    public Duration handoffPatience() {
        return interval.plus(retryInterval.multipliedBy(confirmations)).plus(timeout).plus(peerTimeout)
                .plus(interval.multipliedBy(Math.round(jitter * 1000)).dividedBy(1000));
    }

    /** Time between reminders while a target stays in trouble unacknowledged. */
    public Duration repeatInterval() {
        return repeatInterval;
    }

    /** Time after an unacknowledged DOWN alert when the on-call person is phoned. */
    public Duration escalationDelay() {
        return escalationDelay;
    }

    /** Share of changes above which a target is flapping. */
    public double flapHigh() {
        return flapHigh;
    }

    /** Share of changes below which a flapping target has settled. */
    public double flapLow() {
        return flapLow;
    }

    /**
     * How late a cycle may run before the watcher distrusts it (a GC pause, a suspended VM); half
     * the interval unless set, following the interval when a config is derived with {@link #from}.
     */
    public Duration lateCycleThreshold() {
        return lateCycleThreshold;
    }

    /** Disputed confirmations in a row after which a watcher tells people its path looks bad. */
    public int disputesBeforeNotice() {
        return disputesBeforeNotice;
    }

    /** How long a watcher may distrust its own view before it tells people. */
    public Duration selfSuspicionNoticeAfter() {
        return selfSuspicionNoticeAfter;
    }

    /** How long one delivery to a channel may take. */
    public Duration notifierTimeout() {
        return notifierTimeout;
    }

    @Override
    public String toString() {
        return "MonitorConfig[partners=" + partners + ", interval=" + interval + ", jitter=" + jitter + ", timeout="
                + timeout + ", retryInterval=" + retryInterval + ", confirmations=" + confirmations + ", recoveries="
                + recoveries + ", confirmWithPeers=" + confirmWithPeers + ", peerTimeout=" + peerTimeout
                + ", handoffDelay=" + handoffDelay + ", repeatInterval=" + repeatInterval + ", escalationDelay="
                + escalationDelay + ", flap=" + flapLow + ".." + flapHigh + ", lateCycleThreshold=" + lateCycleThreshold
                + ", disputesBeforeNotice=" + disputesBeforeNotice + ", selfSuspicionNoticeAfter="
                + selfSuspicionNoticeAfter + ", notifierTimeout=" + notifierTimeout + "]";
    }

    /** Builds a {@link MonitorConfig}; every setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private int partners = DEFAULT_PARTNERS;
        private Duration interval = DEFAULT_INTERVAL;
        private double jitter = DEFAULT_JITTER;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration retryInterval = DEFAULT_RETRY_INTERVAL;
        private int confirmations = DEFAULT_CONFIRMATIONS;
        private int recoveries = DEFAULT_RECOVERIES;
        private boolean confirmWithPeers = DEFAULT_CONFIRM_WITH_PEERS;
        private Duration peerTimeout = DEFAULT_PEER_TIMEOUT;
        private Duration handoffDelay = DEFAULT_HANDOFF_DELAY;
        private Duration repeatInterval = DEFAULT_REPEAT_INTERVAL;
        private Duration escalationDelay = DEFAULT_ESCALATION_DELAY;
        private double flapHigh = DEFAULT_FLAP_HIGH;
        private double flapLow = DEFAULT_FLAP_LOW;
        private Duration lateCycleThreshold;
        private int disputesBeforeNotice = DEFAULT_DISPUTES_BEFORE_NOTICE;
        private Duration selfSuspicionNoticeAfter = DEFAULT_SELF_SUSPICION_NOTICE_AFTER;
        private Duration notifierTimeout = DEFAULT_NOTIFIER_TIMEOUT;

        private Builder() {
        }

        private Builder(MonitorConfig base) {
            partners = base.partners;
            interval = base.interval;
            jitter = base.jitter;
            timeout = base.timeout;
            retryInterval = base.retryInterval;
            confirmations = base.confirmations;
            recoveries = base.recoveries;
            confirmWithPeers = base.confirmWithPeers;
            peerTimeout = base.peerTimeout;
            handoffDelay = base.handoffDelay;
            repeatInterval = base.repeatInterval;
            escalationDelay = base.escalationDelay;
            flapHigh = base.flapHigh;
            flapLow = base.flapLow;
            lateCycleThreshold = base.lateCycleThresholdSet;
            disputesBeforeNotice = base.disputesBeforeNotice;
            selfSuspicionNoticeAfter = base.selfSuspicionNoticeAfter;
            notifierTimeout = base.notifierTimeout;
        }

        /** @throws IllegalArgumentException if less than 1 */
        public Builder partners(int partners) {
            this.partners = atLeastOne(partners, "partners");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder interval(Duration interval) {
            this.interval = positive(interval, "interval");
            return this;
        }

        /** @throws IllegalArgumentException if not within 0 to 0.5 */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 0.5)) {
                throw new IllegalArgumentException("jitter must be within 0 to 0.5 of the interval, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder retryInterval(Duration retryInterval) {
            this.retryInterval = positive(retryInterval, "retry interval");
            return this;
        }

        /** @throws IllegalArgumentException if less than 1 */
        public Builder confirmations(int confirmations) {
            this.confirmations = atLeastOne(confirmations, "confirmations");
            return this;
        }

        /** @throws IllegalArgumentException if less than 1 */
        public Builder recoveries(int recoveries) {
            this.recoveries = atLeastOne(recoveries, "recoveries");
            return this;
        }

        public Builder confirmWithPeers(boolean confirmWithPeers) {
            this.confirmWithPeers = confirmWithPeers;
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder peerTimeout(Duration peerTimeout) {
            this.peerTimeout = positive(peerTimeout, "peer timeout");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder handoffDelay(Duration handoffDelay) {
            this.handoffDelay = positive(handoffDelay, "handoff delay");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder repeatInterval(Duration repeatInterval) {
            this.repeatInterval = positive(repeatInterval, "repeat interval");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder escalationDelay(Duration escalationDelay) {
            this.escalationDelay = positive(escalationDelay, "escalation delay");
            return this;
        }

        /**
         * @param high share of changes above which a target is flapping
         * @param low share of changes below which it has settled
         * @throws IllegalArgumentException unless {@code 0 <= low <= high <= 1}
         */
        public Builder flapThresholds(double high, double low) {
            if (!(0 <= low && low <= high && high <= 1)) {
                throw new IllegalArgumentException("flap thresholds must satisfy 0 <= low <= high <= 1, were low "
                        + low + " and high " + high);
            }
            this.flapHigh = high;
            this.flapLow = low;
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder lateCycleThreshold(Duration lateCycleThreshold) {
            this.lateCycleThreshold = positive(lateCycleThreshold, "late cycle threshold");
            return this;
        }

        /** @throws IllegalArgumentException if less than 1 */
        public Builder disputesBeforeNotice(int disputes) {
            this.disputesBeforeNotice = atLeastOne(disputes, "disputes before notice");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder selfSuspicionNoticeAfter(Duration after) {
            this.selfSuspicionNoticeAfter = positive(after, "self-suspicion notice delay");
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder notifierTimeout(Duration notifierTimeout) {
            this.notifierTimeout = positive(notifierTimeout, "notifier timeout");
            return this;
        }

        public MonitorConfig build() {
            return new MonitorConfig(this);
        }

        static Duration positive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, was " + duration);
            }
            return duration;
        }

        static int atLeastOne(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
