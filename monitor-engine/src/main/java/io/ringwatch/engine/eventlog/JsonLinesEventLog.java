package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default durable {@link EventLog}: an append-only file of one {@link EventJson} line per
 * event, in UTF-8. Rotated ({@code events.jsonl} becomes {@code events.1.jsonl}, the one before
 * {@code events.2.jsonl}, …) when a line would make it larger than a size, and when an event's
 * UTC day is not the day of the file's last event, so that each file holds one day; a number of
 * files is kept, and rotated files whose newest event is older than a maximum age are deleted.
 * Read it back with {@link EventLogReader}, or query it with {@link EventCursor}.
 *
 * <p><b>Crashes.</b> Each event is written whole, with one write of its line to a file opened
 * for appending, so a crash can tear at most the last line. {@link #open} mends that: a torn
 * last line is cut off, with one warning naming the file and the number of bytes; a whole
 * event that only lost its line end gets it back. Complete lines that do not read as events
 * are left alone. If a write fails part way, the log cuts its partial line before throwing.
 *
 * <p><b>Durability.</b> By default ({@link Fsync#ON_FLUSH}) events reach the disk when
 * {@link #flush()} or {@link #close()} returns; with {@link Fsync#EVERY_APPEND}, when
 * {@link #append} returns.
 *
 * <p><b>Time.</b> The log reads no clock: days and ages are those of the events' own times.
 *
 * <p><b>Threading.</b> Not thread-safe beyond the {@link EventLog} contract: one thread at a
 * time may append, flush or close, and one log at a time (in one process) may write a file.
 */
public final class JsonLinesEventLog implements EventLog {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesEventLog.class);
    private static final long SECONDS_PER_DAY = 86_400;
    /** The day of a file that is empty, or whose last line is not an event. */
    private static final long NO_DAY = Long.MIN_VALUE;

    private final LogFiles files;
    private final Config config;
    private FileChannel channel;
    private long size;
    private long fileDay;
    private boolean closed;
    private long forces;

    private JsonLinesEventLog(LogFiles files, Config config) throws IOException {
        this.files = files;
        this.config = config;
        openFile();
        fileDay = size == 0 ? NO_DAY : LastLine.event(files.file()).map(event -> day(event.at())).orElse(NO_DAY);
    }

    /**
     * Opens (or creates) the log with the default {@link Config}.
     *
     * @throws NullPointerException if {@code file} is null
     * @throws IOException if the file or its directory cannot be created, mended or opened
     */
    public static JsonLinesEventLog open(Path file) throws IOException {
        return open(file, Config.ofDefaults());
    }

    /**
     * Opens (or creates) the log: creates missing parent directories and mends a last line torn
     * by a crash.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code file} has no file name
     * @throws IOException if the file or its directory cannot be created, mended or opened
     */
    public static JsonLinesEventLog open(Path file, Config config) throws IOException {
        Objects.requireNonNull(config, "config");
        LogFiles files = new LogFiles(Objects.requireNonNull(file, "file"));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            TornTail.mend(file);
        }
        return new JsonLinesEventLog(files, config);
    }

    /** The file being written. */
    public Path file() {
        return files.file();
    }

    /** How this log was configured. */
    public Config config() {
        return config;
    }

    /**
     * Writes the event as one line. Rotates first if the line would make the file larger than
     * {@link Config#maxFileBytes()} (a line larger than that still goes whole into a file of its
     * own), or if {@link Config#rotateDaily()} and the event's UTC day is not that of the file's
     * last event; after a rotation, deletes the rotated files beyond {@link Config#maxFiles()} and
     * those older than {@link Config#maxAge()} at the event's time.
     *
     * @throws NullPointerException if {@code event} is null
     * @throws IllegalStateException if the log is closed
     * @throws IOException if the line could not be written (nothing of it stays in the file)
     */
    @Override
    public void append(Event event) throws IOException {
        Objects.requireNonNull(event, "event");
        if (closed) {
            throw new IllegalStateException("event log " + file() + " is closed");
        }
        byte[] line = (EventJson.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
        long day = day(event.at());
        boolean newDay = config.rotateDaily() && fileDay != NO_DAY && day != fileDay;
        if (size > 0 && (size + line.length > config.maxFileBytes() || newDay)) {
            rotate();
            config.maxAge().ifPresent(maxAge -> pruneOlderThan(maxAge, event.at()));
        }
        write(line);
        fileDay = day;
        if (config.fsync() == Fsync.EVERY_APPEND) {
            force();
        }
    }

    /**
     * The events of the current file and of as many of the newest rotated files as fit, with
     * it, within {@link Config#maxFileBytes()}, oldest first: what an engine needs back at a
     * start (open deliveries, routing changes, incidents) after a daily rotation or a few, held
     * in no more memory than one full file. Lines that cannot be read are skipped, as
     * {@link EventLogReader} does.
     */
    @Override
    public List<Event> replay() throws IOException {
        List<Path> newestFirst = new ArrayList<>(List.of(file()));
        long bytes = Files.size(file());
        List<Path> rotated = files.rotatedOldestFirst();
        for (int i = rotated.size() - 1; i >= 0; i--) {
            long more = Files.size(rotated.get(i));
            if (bytes + more > config.maxFileBytes()) {
                break;
            }
            bytes += more;
            newestFirst.add(rotated.get(i));
        }
        Collections.reverse(newestFirst);
        return EventLogReader.readAll(newestFirst).events();
    }

    /**
     * Forces what was appended to the disk. Does nothing once the log is closed (closing
     * flushed it).
     *
     * @throws IOException if the disk could not be written
     */
    @Override
    public void flush() throws IOException {
        if (!closed) {
            force();
        }
    }

    /**
     * Flushes and closes the file. Later appends throw {@link IllegalStateException}; closing
     * again does nothing.
     *
     * @throws IOException if the last writes could not be forced to the disk
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel closing = channel) {
            closing.force(false);
        }
    }

    @Override
    public String toString() {
        return "JsonLinesEventLog[" + file() + (closed ? ", closed, " : ", ") + config + "]";
    }

    /** How many times the file was forced to the disk: for tests of the {@link Fsync} policy. */
    long forces() {
        return forces;
    }

    private void write(byte[] line) throws IOException {
        long before = size;
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException failure) {
            try {
                channel.truncate(before);
            } catch (IOException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        size += line.length;
    }

    private void rotate() throws IOException {
        force();
        channel.close();
        try {
            files.rotate(config.maxFiles());
        } finally {
            openFile();
        }
    }

    /** Age retention must not stop the log: a file it could not delete is tried again at the next rotation. */
    private void pruneOlderThan(Duration maxAge, Instant now) {
        try {
            AgeRetention.prune(files, now, maxAge);
        } catch (IOException | RuntimeException failure) {
            LOG.warn("Could not delete the rotated files of {} older than {}", files.file(), maxAge, failure);
        }
    }

    /** The UTC day of an instant, counted from 1970-01-01; defined for every instant. */
    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
    }

    private void force() throws IOException {
        channel.force(false);
        forces++;
    }

    private void openFile() throws IOException {
        channel = FileChannel.open(files.file(),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
    }

    /** When appended events are forced to the disk. */
    public enum Fsync {
        /** After every append: nothing appended is lost to a crash, at the cost of a disk sync per event. */
        EVERY_APPEND,
        /** On {@link JsonLinesEventLog#flush()} and {@link JsonLinesEventLog#close()} only: the default. */
        ON_FLUSH
    }

    /**
     * How a {@link JsonLinesEventLog} writes: when it syncs, when it rotates, what it keeps.
     * Immutable and thread-safe; start from {@link #ofDefaults()}, {@link #custom()} or
     * {@link #from(Config)}.
     *
     * @param fsync when appended events are forced to the disk
     * @param maxFileBytes the size at which a file is rotated: the line that would make it
     *        larger goes into a new file
     * @param maxFiles how many files are kept, counting the one being written: at rotation the
     *        oldest beyond this are deleted (1 keeps no rotated file at all)
     * @param rotateDaily whether a file is also rotated when the UTC day changes, so that each
     *        file holds the events of one day
     * @param maxAge the age after which a rotated file is deleted, measured from its newest
     *        event to the event that starts a new file; empty to keep files whatever their age
     */
    public record Config(Fsync fsync, long maxFileBytes, int maxFiles, boolean rotateDaily, Optional<Duration> maxAge) {
        /** Syncs on flush only. */
        public static final Fsync DEFAULT_FSYNC = Fsync.ON_FLUSH;
        /** Rotates at 64 MiB. */
        public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
        /** Keeps 100 files: the one being written and 99 rotated ones, over three months of daily files. */
        public static final int DEFAULT_MAX_FILES = 100;
        /** Rotates daily. */
        public static final boolean DEFAULT_ROTATE_DAILY = true;

        /**
         * @throws NullPointerException if {@code fsync} or {@code maxAge} is null
         * @throws IllegalArgumentException if {@code maxFileBytes} or {@code maxFiles} is less
         *         than 1, or {@code maxAge} holds a duration that is not positive
         */
        public Config {
            Objects.requireNonNull(fsync, "fsync");
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxFileBytes < 1) {
                throw new IllegalArgumentException("maxFileBytes must be at least 1, was " + maxFileBytes);
            }
            if (maxFiles < 1) {
                throw new IllegalArgumentException("maxFiles must be at least 1, was " + maxFiles);
            }
            if (maxAge.isPresent() && (maxAge.get().isZero() || maxAge.get().isNegative())) {
                throw new IllegalArgumentException("maxAge must be positive, was " + maxAge.get());
            }
        }

        /**
         * A config that rotates daily and deletes no file for its age.
         *
         * @throws NullPointerException if {@code fsync} is null
         * @throws IllegalArgumentException if {@code maxFileBytes} or {@code maxFiles} is less than 1
         */
        public Config(Fsync fsync, long maxFileBytes, int maxFiles) {
            this(fsync, maxFileBytes, maxFiles, DEFAULT_ROTATE_DAILY, Optional.empty());
        }

        /** The defaults: sync on flush, rotate at 64 MiB and daily, keep 100 files whatever their age. */
        public static Config ofDefaults() {
            return new Config(DEFAULT_FSYNC, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES);
        }

        /** A builder that starts from the defaults. */
        public static Builder custom() {
            return new Builder(ofDefaults());
        }

        /**
         * A builder that starts from {@code base}.
         *
         * @throws NullPointerException if {@code base} is null
         */
        public static Builder from(Config base) {
            return new Builder(Objects.requireNonNull(base, "base"));
        }

        /** Collects the values of a {@link Config}. Not thread-safe. */
        public static final class Builder {
            private Fsync fsync;
            private long maxFileBytes;
            private int maxFiles;
            private boolean rotateDaily;
            private Optional<Duration> maxAge;

            private Builder(Config base) {
                fsync = base.fsync;
                maxFileBytes = base.maxFileBytes;
                maxFiles = base.maxFiles;
                rotateDaily = base.rotateDaily;
                maxAge = base.maxAge;
            }

            /** When appended events are forced to the disk. */
            public Builder fsync(Fsync fsync) {
                this.fsync = fsync;
                return this;
            }

            /** The size at which a file is rotated, at least 1. */
            public Builder maxFileBytes(long maxFileBytes) {
                this.maxFileBytes = maxFileBytes;
                return this;
            }

            /** How many files are kept, counting the one being written; at least 1. */
            public Builder maxFiles(int maxFiles) {
                this.maxFiles = maxFiles;
                return this;
            }

            /** Whether a file is also rotated when the UTC day changes. */
            public Builder rotateDaily(boolean rotateDaily) {
                this.rotateDaily = rotateDaily;
                return this;
            }

            /** The age after which a rotated file is deleted, positive; {@code null} keeps files whatever their age. */
            public Builder maxAge(Duration maxAge) {
                this.maxAge = Optional.ofNullable(maxAge);
                return this;
            }

            /**
             * Builds the config.
             *
             * @throws NullPointerException if {@code fsync} is null
             * @throws IllegalArgumentException if {@code maxFileBytes} or {@code maxFiles} is
             *         less than 1, or {@code maxAge} is not positive
             */
            public Config build() {
                return new Config(fsync, maxFileBytes, maxFiles, rotateDaily, maxAge);
            }
        }
    }
}
