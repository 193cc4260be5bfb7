package io.ringwatch.agent.config;

import io.ringwatch.engine.dispatch.NotifierProviders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code channels} section: where notifications go. Every setting value is a secret. */
final class ChannelsSchema {
    static final List<String> KEYS = List.of("name", "provider", "settings", "url", "failover");

    private ChannelsSchema() {
    }

    static List<ChannelEntry> read(YamlValue channels) {
        List<ChannelEntry> result = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        Map<YamlValue, String> failovers = new LinkedHashMap<>();
        for (YamlValue item : channels.list("channels").orElse(List.of())) {
            item.map(KEYS).ifPresent(channel -> channel(channel, seen).ifPresent(entry -> {
                Optional<YamlValue> failover = channel.get("failover");
                Optional<String> standby = failover.flatMap(value -> value.string("the name of another channel"));
                if (standby.isPresent()) {
                    failovers.put(failover.get(), entry.name());
                    result.add(entry.withFailover(standby.get()));
                } else {
                    result.add(entry);
                }
            }));
        }
        Map<String, String> standbyOf = new LinkedHashMap<>();
        failovers.forEach((value, channel) -> value.string("").ifPresent(standby -> standbyOf.put(channel, standby)));
        failovers.forEach((value, channel) -> value.string("").ifPresent(standby -> {
            if (standby.equals(channel)) {
                value.error("a channel cannot stand in for itself");
            } else if (!seen.containsKey(standby)) {
                value.error("no channel is named '" + standby + "'; channels: " + String.join(", ", seen.keySet()));
            } else if (standbyOf.containsKey(standby) || standbyOf.containsValue(channel)) {
                value.error("a standby gets only what its channel gives up, so it cannot have a failover of its own,"
                        + " nor can a channel that stands in for another have one");
            }
        }));
        return result;
    }

    private static Optional<ChannelEntry> channel(YamlMap channel, Map<String, String> seen) {
        Optional<String> name = channel.required("name", "the channel's name, such as team-chat")
                .flatMap(value -> value.string("a channel name").filter(text -> {
                    String first = seen.putIfAbsent(text, value.path() + " (line " + value.line() + ")");
                    if (first != null) {
                        value.error("duplicate channel name '" + text + "', already used at " + first);
                    }
                    return first == null;
                }));
        Optional<YamlValue> url = channel.get("url").map(YamlValue::secret);
        if (url.isPresent()) {
            channel.get("provider").ifPresent(value -> value.error("give provider (with settings) or url, not both"));
            channel.get("settings").ifPresent(value -> value.error("a channel given by url takes no settings: put them in the URL"));
            Optional<String> text = url.get().text("a channel URL such as tgram://TOKEN/CHAT_ID (value hidden)")
                    .map(YamlValue.Text::value).filter(value -> {
                        boolean hasScheme = value.indexOf("://") > 0;
                        if (!hasScheme) {
                            url.get().error("expected a channel URL such as tgram://TOKEN/CHAT_ID (value hidden)");
                        }
                        return hasScheme;
                    });
            return name.isEmpty() || text.isEmpty() ? Optional.empty() : Optional.of(ChannelEntry.ofUrl(name.get(), text.get()));
        }
        Optional<String> provider = channel.required("provider", "the notifier provider's id, such as console or webhook;"
                        + " or give the channel as one url")
                .flatMap(value -> value.parse("a provider id of lower-case letters, digits and dashes, such as webhook",
                        text -> Optional.of(text).filter(NotifierProviders::isValidId)));
        Map<String, String> settings = channel.get("settings").map(value -> settings(value.secret())).orElse(Map.of());
        return name.isEmpty() || provider.isEmpty() ? Optional.empty()
                : Optional.of(new ChannelEntry(name.get(), provider.get(), settings));
    }

    private static Map<String, String> settings(YamlValue settings) {
        Map<String, String> result = new LinkedHashMap<>();
        settings.map(null).ifPresent(map -> {
            for (String key : map.keys()) {
                Optional<YamlValue> value = map.get(key);
                if (value.isEmpty()) {
                    map.required(key, "a text value");
                } else {
                    value.get().text("a text value").ifPresent(text -> result.put(key, text.value()));
                }
            }
        });
        return result;
    }
}
