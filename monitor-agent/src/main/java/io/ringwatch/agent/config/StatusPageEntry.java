package io.ringwatch.agent.config;

import io.ringwatch.engine.statuspage.PublicNotes;
import io.ringwatch.engine.statuspage.StatusPage;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code status-page} section: whether the agent serves the farm's status page at {@code /}
 * of its endpoint, its title, and how often an open page refreshes itself.
 *
 * @param enabled whether the page is served
 * @param title its title
 * @param refresh how often an open page refreshes itself
 * @param notes how much of what people wrote about incidents the page shows
 */
public record StatusPageEntry(boolean enabled, String title, Duration refresh, PublicNotes notes) {
    /** @throws NullPointerException if an argument is null */
    public StatusPageEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(notes, "notes");
    }

    /** Served, titled "Status", refreshed every 30 s, with every note. */
    public static StatusPageEntry ofDefaults() {
        return new StatusPageEntry(true, StatusPage.DEFAULT_TITLE, StatusPage.DEFAULT_REFRESH, PublicNotes.ALL);
    }
}
