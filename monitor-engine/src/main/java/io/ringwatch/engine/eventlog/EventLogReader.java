package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
 * progress, or torn by a crash) is kept if it reads as a whole event and reported otherwise.
 * Everything read is held in memory. Stateless and thread-safe; reading a log while it rotates
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
        Objects.requireNonNull(file, "file");
        Result.Builder result = new Result.Builder();
        readInto(file, result);
        return result.build();
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
        List<Path> paths = new LogFiles(Objects.requireNonNull(file, "file")).rotatedOldestFirst();
        if (Files.exists(file) || paths.isEmpty()) {
            paths.add(file);
        }
        Result.Builder result = new Result.Builder();
        for (Path path : paths) {
            readInto(path, result);
        }
        return result.build();
    }

    private static void readInto(Path file, Result.Builder result) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            int lineNumber = 1;
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        line.write(chunk, start, i - start);
                        readLine(file, lineNumber++, line.toByteArray(), true, result);
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(chunk, start, n - start);
            }
            if (line.size() > 0) {
                readLine(file, lineNumber, line.toByteArray(), false, result);
            }
        }
    }

    private static void readLine(Path file, int number, byte[] bytes, boolean ended, Result.Builder result) {
        String where = file + " line " + number + ": " + (ended ? "" : "incomplete last line (a write in progress, or torn by a crash): ");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            result.problems.add(where + "not valid UTF-8");
            return;
        }
        if (text.isBlank()) {
            return;
        }
        try {
            result.events.add(EventJson.decode(text));
        } catch (IllegalArgumentException e) {
            result.problems.add(where + e.getMessage());
        }
    }
}
