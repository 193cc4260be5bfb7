package io.ringwatch.testkit.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records which tasks ran and what the clock showed, as "name@offset from the start". */
final class RunLog {
    private final FakeClock clock;
    private final Instant start;
    private final List<String> entries = new ArrayList<>();

    RunLog(FakeClock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    /** A task that records its name and the time it sees, as an offset from the log's start. */
    Runnable task(String name) {
        return () -> record(name);
    }

    void record(String name) {
        entries.add(name + "@" + Duration.between(start, clock.instant()).toMillis() + "ms");
    }

    List<String> entries() {
        return entries;
    }
}
