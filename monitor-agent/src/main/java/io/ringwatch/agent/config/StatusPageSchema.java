package io.ringwatch.agent.config;

import io.ringwatch.engine.statuspage.PublicNotes;
import io.ringwatch.engine.statuspage.StatusPage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code status-page} section. */
final class StatusPageSchema {
    static final List<String> KEYS = List.of("enabled", "title", "refresh", "notes");

    private StatusPageSchema() {
    }

    static StatusPageEntry read(Optional<YamlMap> section) {
        StatusPageEntry defaults = StatusPageEntry.ofDefaults();
        if (section.isEmpty()) {
            return defaults;
        }
        YamlMap map = section.get();
        boolean enabled = map.get("enabled").flatMap(YamlValue::bool).orElse(defaults.enabled());
        String title = map.get("title").flatMap(value -> value.parse("a title of 1 to " + StatusPage.MAX_TITLE_LENGTH
                        + " characters, such as Acme status",
                text -> text.isBlank() || text.length() > StatusPage.MAX_TITLE_LENGTH ? Optional.empty() : Optional.of(text.strip())))
                .orElse(defaults.title());
        Duration refresh = map.get("refresh").flatMap(value -> value.parse("a duration of at least 1s, such as 30s",
                text -> Durations.parse(text).filter(every -> every.compareTo(StatusPage.MIN_REFRESH) >= 0)))
                .orElse(defaults.refresh());
        PublicNotes notes = map.get("notes").flatMap(value -> value.choice(YamlValue.options(PublicNotes.class)))
                .orElse(defaults.notes());
        return new StatusPageEntry(enabled, title, refresh, notes);
    }
}
