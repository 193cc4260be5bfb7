package io.ringwatch.engine.eventlog;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The events of a {@link JsonLinesEventLog} that pass an {@link EventFilter}, oldest first:
 * the rotated files from the oldest, then the current file. Reads one line at a time, so a log
 * of any size takes little memory. A line that does not read as an event (damaged, cut short,
 * longer than 1 MiB) is skipped and counted, never fatal; the first
 * {@value #KEPT_PROBLEMS} are described. A file that disappears before its turn (deleted by
 * retention) is passed over. Reading a log while it rotates may miss or repeat the events of a
 * rotated file. Not thread-safe; close it to release the file being read.
 *
 * <pre>{@code
 * EventFilter downs = EventFilter.custom().since(yesterday).kinds(EventKind.STATE_CHANGED).build();
 * try (EventCursor events = EventCursor.open(Path.of("ringwatch-events/n1.jsonl"), downs)) {
 *     events.forEachRemaining(logged -> System.out.println(HumanEventFormat.format(logged.event())));
 * }
 * }</pre>
 */
public final class EventCursor implements Iterator<LoggedEvent>, Closeable {
    /** How many problems are described; the rest are only counted. */
    public static final int KEPT_PROBLEMS = 10;

    private final List<Path> files;
    private final EventFilter filter;
    private final List<String> problems = new ArrayList<>();
    private int nextFile;
    private Path reading;
    private LineReader lines;
    private LoggedEvent next;
    private long skippedLines;
    private boolean closed;

    private EventCursor(List<Path> files, EventFilter filter) {
        this.files = List.copyOf(files);
        this.filter = filter;
    }

    /**
     * Starts reading the log whose current file is {@code file}, with its rotated siblings
     * ({@code events.jsonl}, then {@code events.1.jsonl}, … beside it). The current file may be
     * missing if a rotated one exists.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code file} has no file name
     * @throws NoSuchFileException if neither the file nor a rotated sibling exists
     * @throws IOException if the directory cannot be listed
     */
    public static EventCursor open(Path file, EventFilter filter) throws IOException {
        Objects.requireNonNull(filter, "filter");
        List<Path> files = new LogFiles(Objects.requireNonNull(file, "file")).allOldestFirst();
        if (files.equals(List.of(file)) && !Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no event log here, and no rotated file of one");
        }
        return new EventCursor(files, filter);
    }

    /** The files this cursor reads, oldest first, as they were when it was opened. */
    public List<Path> files() {
        return files;
    }

    /**
     * Whether another event passes the filter; reads on until it finds one or the log ends.
     *
     * @throws UncheckedIOException if a file cannot be read
     * @throws IllegalStateException if the cursor is closed
     */
    @Override
    public boolean hasNext() {
        if (closed) {
            throw new IllegalStateException("the cursor is closed");
        }
        try {
            while (next == null && advance()) {
                // advance() sets next when a line passes
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + reading, failure);
        }
        return next != null;
    }

    /**
     * The next event that passes the filter.
     *
     * @throws NoSuchElementException if there is none
     * @throws UncheckedIOException if a file cannot be read
     * @throws IllegalStateException if the cursor is closed
     */
    @Override
    public LoggedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in " + files);
        }
        LoggedEvent found = next;
        next = null;
        return found;
    }

    /** The remaining events as a sequential stream; closing the stream does not close the cursor. */
    public Stream<LoggedEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** How many lines so far did not read as events (blank lines are not counted). */
    public long skippedLines() {
        return skippedLines;
    }

    /**
     * Where and why the first {@value #KEPT_PROBLEMS} skipped lines did not read:
     * {@code events.1.jsonl line 3: field 'status': expected …}.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Closes the file being read; later reads throw. Closing again does nothing. */
    @Override
    public void close() throws IOException {
        closed = true;
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }

    @Override
    public String toString() {
        return "EventCursor[" + files.size() + " file(s), " + filter + ", " + skippedLines + " skipped]";
    }

    /** Reads one line, opening the next file when needed; false when every file is read. */
    private boolean advance() throws IOException {
        if (lines == null) {
            if (nextFile == files.size()) {
                return false;
            }
            reading = files.get(nextFile++);
            try {
                lines = new LineReader(Files.newInputStream(reading));
            } catch (NoSuchFileException gone) {
                return true; // deleted by retention since the cursor opened: nothing of it is left to read
            }
        }
        LineReader.Line line = lines.next();
        if (line == null) {
            lines.close();
            lines = null;
            return true;
        }
        DecodedLine decoded = DecodedLine.of(reading, line);
        if (decoded instanceof DecodedLine.Readable readable) {
            if (filter.matches(readable.event())) {
                next = new LoggedEvent(readable.event(), readable.json(), reading, line.number());
            }
        } else if (decoded instanceof DecodedLine.Unreadable unreadable) {
            skippedLines++;
            if (problems.size() < KEPT_PROBLEMS) {
                problems.add(unreadable.problem());
            }
        }
        return true;
    }
}
