package io.ringwatch.agent.config;

import io.ringwatch.engine.DeliveryPolicy;
import java.util.List;
import java.util.Optional;

/** The {@code delivery} section: how hard notifications are tried, as a {@link DeliveryPolicy}. */
final class DeliverySchema {
    static final List<String> KEYS = List.of("attempts", "first-retry", "max-retry", "jitter", "suspend-after", "suspend-for");

    private DeliverySchema() {
    }

    static DeliveryPolicy read(Optional<YamlMap> delivery) {
        DeliveryPolicy.Builder builder = DeliveryPolicy.custom();
        if (delivery.isEmpty()) {
            return builder.build();
        }
        YamlMap map = delivery.get();
        TimingSchema.set(map.get("attempts"), TimingSchema::atLeastOne, builder::attempts, "attempts");
        TimingSchema.duration(map, "first-retry", builder::firstRetry);
        TimingSchema.duration(map, "max-retry", builder::maxRetry);
        TimingSchema.set(map.get("jitter"), value -> value.decimal(0, 1), builder::jitter, "jitter");
        TimingSchema.set(map.get("suspend-after"), TimingSchema::atLeastOne, builder::suspendAfter, "suspend-after");
        TimingSchema.duration(map, "suspend-for", builder::suspendFor);
        try {
            return builder.build();
        } catch (IllegalArgumentException refused) {
            map.get("max-retry").or(() -> map.get("first-retry")).ifPresent(value -> value.rejected("max-retry", refused));
            return DeliveryPolicy.ofDefaults();
        }
    }
}
