package io.ringwatch.agent.config;

import io.ringwatch.engine.MonitorConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code timing} section, with {@code ring.partners} and {@code confirm-with-peers}: every
 * value of a {@link MonitorConfig}. What the builder refuses is reported at the key that set it.
 */
final class TimingSchema {
    static final List<String> KEYS = List.of("interval", "jitter", "timeout", "retry-interval", "confirmations",
            "recoveries", "peer-timeout", "handoff-delay", "repeat-interval", "escalation-delay", "flap-high",
            "flap-low", "late-cycle-threshold", "disputes-before-notice", "self-suspicion-notice-after",
            "notifier-timeout");

    private TimingSchema() {
    }

    static MonitorConfig read(Optional<YamlMap> timing, Optional<YamlValue> partners, Optional<YamlValue> confirmWithPeers) {
        MonitorConfig.Builder builder = MonitorConfig.custom();
        set(partners, TimingSchema::atLeastOne, builder::partners, "partners");
        set(confirmWithPeers, YamlValue::bool, builder::confirmWithPeers, "confirm-with-peers");
        if (timing.isEmpty()) {
            return builder.build();
        }
        YamlMap map = timing.get();
        duration(map, "interval", builder::interval);
        set(map.get("jitter"), value -> value.decimal(0, 0.5), builder::jitter, "jitter");
        duration(map, "timeout", builder::timeout);
        duration(map, "retry-interval", builder::retryInterval);
        set(map.get("confirmations"), TimingSchema::atLeastOne, builder::confirmations, "confirmations");
        set(map.get("recoveries"), TimingSchema::atLeastOne, builder::recoveries, "recoveries");
        duration(map, "peer-timeout", builder::peerTimeout);
        duration(map, "handoff-delay", builder::handoffDelay);
        duration(map, "repeat-interval", builder::repeatInterval);
        duration(map, "escalation-delay", builder::escalationDelay);
        flapThresholds(map, builder);
        duration(map, "late-cycle-threshold", builder::lateCycleThreshold);
        set(map.get("disputes-before-notice"), TimingSchema::atLeastOne, builder::disputesBeforeNotice,
                "disputes-before-notice");
        duration(map, "self-suspicion-notice-after", builder::selfSuspicionNoticeAfter);
        duration(map, "notifier-timeout", builder::notifierTimeout);
        return builder.build();
    }

    private static void flapThresholds(YamlMap map, MonitorConfig.Builder builder) {
        Optional<YamlValue> high = map.get("flap-high");
        Optional<YamlValue> low = map.get("flap-low");
        Optional<Double> highValue = high.flatMap(value -> value.decimal(0, 1));
        Optional<Double> lowValue = low.flatMap(value -> value.decimal(0, 1));
        boolean given = high.isPresent() || low.isPresent();
        boolean readable = high.isPresent() == highValue.isPresent() && low.isPresent() == lowValue.isPresent();
        if (!given || !readable) {
            return;
        }
        try {
            builder.flapThresholds(highValue.orElse(MonitorConfig.DEFAULT_FLAP_HIGH),
                    lowValue.orElse(MonitorConfig.DEFAULT_FLAP_LOW));
        } catch (IllegalArgumentException refused) {
            if (low.isPresent()) {
                low.get().error("must not be above flap-high"
                        + (high.isEmpty() ? " (" + MonitorConfig.DEFAULT_FLAP_HIGH + " by default)" : ""));
            } else {
                high.get().error("must not be below flap-low (" + MonitorConfig.DEFAULT_FLAP_LOW + " by default)");
            }
        }
    }

    static void duration(YamlMap map, String key, Consumer<Duration> setter) {
        set(map.get(key), YamlValue::duration, setter, key);
    }

    static Optional<Integer> atLeastOne(YamlValue value) {
        return value.integer(1, Integer.MAX_VALUE);
    }

    /** Reads the value if given and hands it to the builder, reporting what the builder refuses. */
    static <T> void set(Optional<YamlValue> value, Function<YamlValue, Optional<T>> reader, Consumer<T> setter,
            String what) {
        value.ifPresent(given -> reader.apply(given).ifPresent(read -> {
            try {
                setter.accept(read);
            } catch (IllegalArgumentException refused) {
                given.rejected(what, refused);
            }
        }));
    }
}
