package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the files a {@link JsonLinesEventLog} writes. A line that does not read as an event is
 * not fatal: it becomes a problem in the {@link Result}, naming the file and line, and every
 * other event is kept. Blank lines are skipped. A last line without its line end (a write in
 * progress, or torn by a crash) is kept if it reads as a whole event and reported otherwise; a
 * line longer than 1 MiB is reported without being read. Everything read is held in memory: to
 * read a large log, or only some of its events, use {@link EventCursor}. Stateless and thread-safe; reading a log while it rotates
 * may miss or repeat the events of a rotated file.
 */
public final class EventLogReader {
    private EventLogReader() {
    }

    /**
     * What was read.
     *
     * @param events the events, in file order (oldest file first)
     * @param problems one line per line that could not be read:
     *        {@code events.jsonl line 3: field 'status': expected …}
     */
    public record Result(List<Event> events, List<String> problems) {
        /** @throws NullPointerException if a list or an element is null */
        public Result {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }

        /** Whether some line could not be read. */
        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        /** Collects a result while files are read. */
        private static final class Builder {
            private final List<Event> events = new ArrayList<>();
            private final List<String> problems = new ArrayList<>();

            Result build() {
                return new Result(events, problems);
            }
        }
    }

    /**
     * Reads one file.
     *
     * @throws NullPointerException if {@code file} is null
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static Result read(Path file) throws IOException {
        return readAll(List.of(Objects.requireNonNull(file, "file")));
    }

    /**
     * Reads a log file's rotated siblings, oldest first ({@code events.9.jsonl} …
     * {@code events.1.jsonl}), then the file itself, which may be missing if a rotated one exists.
     *
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if {@code file} has no file name
     * @throws NoSuchFileException if neither the file nor a rotated sibling exists
     * @throws IOException if a file cannot be read
     */
    public static Result readWithRotated(Path file) throws IOException {
        return readAll(new LogFiles(Objects.requireNonNull(file, "file")).allOldestFirst());
    }

    /** Reads these files in this order. */
    static Result readAll(List<Path> files) throws IOException {
        Result.Builder result = new Result.Builder();
        for (Path path : files) {
            readInto(path, result);
        }
        return result.build();
    }

    private static void readInto(Path file, Result.Builder result) throws IOException {
        try (LineReader lines = new LineReader(Files.newInputStream(file))) {
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                DecodedLine decoded = DecodedLine.of(file, line);
                if (decoded instanceof DecodedLine.Readable readable) {
                    result.events.add(readable.event());
                } else if (decoded instanceof DecodedLine.Unreadable unreadable) {
                    result.problems.add(unreadable.problem());
                }
            }
        }
    }
}
