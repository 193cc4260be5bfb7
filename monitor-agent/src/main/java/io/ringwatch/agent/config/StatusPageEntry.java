package io.ringwatch.agent.config;

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
 */
public record StatusPageEntry(boolean enabled, String title, Duration refresh) {
    /** The title unless one is given. */
    public static final String DEFAULT_TITLE = "Status";

    /** @throws NullPointerException if an argument is null */
    public StatusPageEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(refresh, "refresh");
    }

    /** Served, titled "Status", refreshed every 30 s. */
    public static StatusPageEntry ofDefaults() {
        return new StatusPageEntry(true, DEFAULT_TITLE, StatusPage.DEFAULT_REFRESH);
    }
}
