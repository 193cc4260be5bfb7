package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a log's rotated files whose newest event is older than a maximum age, from the oldest
 * file on: it stops at the first file that is young enough, or whose last line does not read as
 * an event (a file it cannot date is kept, with everything newer). Not thread-safe.
 */
final class AgeRetention {
    private static final Logger LOG = LoggerFactory.getLogger(AgeRetention.class);

    private AgeRetention() {
    }

    /**
     * Deletes the rotated files of {@code files} that are too old at {@code now}.
     *
     * @return how many files were deleted
     */
    static int prune(LogFiles files, Instant now, Duration maxAge) throws IOException {
        int deleted = 0;
        for (Path rotated : files.rotatedOldestFirst()) {
            Optional<Event> newest = LastLine.event(rotated);
            if (newest.isEmpty() || Duration.between(newest.get().at(), now).compareTo(maxAge) <= 0) {
                break;
            }
            Files.deleteIfExists(rotated);
            deleted++;
            LOG.info("Deleted {}: its newest event ({}) is older than {}", rotated, newest.get().at(), maxAge);
        }
        return deleted;
    }
}
