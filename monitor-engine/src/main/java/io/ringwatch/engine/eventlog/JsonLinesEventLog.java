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
import java.util.List;
import java.util.Objects;

/**
 * The default durable {@link EventLog}: an append-only file of one {@link EventJson} line per
 * event, in UTF-8, rotated by size ({@code events.jsonl}, then {@code events.1.jsonl},
 * {@code events.2.jsonl}, …) and kept to a number of files. Read it back with
 * {@link EventLogReader}.
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
 * <p><b>Threading.</b> Not thread-safe beyond the {@link EventLog} contract: one thread at a
 * time may append, flush or close, and one log at a time (in one process) may write a file.
 */
public final class JsonLinesEventLog implements EventLog {
    private final LogFiles files;
    private final Config config;
    private FileChannel channel;
    private long size;
    private boolean closed;
    private long forces;

    private JsonLinesEventLog(LogFiles files, Config config) throws IOException {
        this.files = files;
        this.config = config;
        openFile();
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
     * Writes the event as one line, rotating first if the line would make the file larger
     * than {@link Config#maxFileBytes()} (a line larger than that still goes whole into a file
     * of its own).
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
        if (size > 0 && size + line.length > config.maxFileBytes()) {
            rotate();
        }
        write(line);
        if (config.fsync() == Fsync.EVERY_APPEND) {
            force();
        }
    }

    /**
     * The events of the current file, oldest first. Lines that cannot be read are skipped, as
     * {@link EventLogReader} does. Rotated files are not read: a delivery queued just before a
     * rotation and still open at a restart is not sent again (rotation comes every
     * {@code maxFileBytes}, 64 MiB by default, so this is rare).
     */
    @Override
    public List<Event> replay() throws IOException {
        return EventLogReader.read(file()).events();
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
     * How a {@link JsonLinesEventLog} writes: when it syncs, when it rotates, how many files it
     * keeps. Immutable and thread-safe; start from {@link #ofDefaults()}, {@link #custom()} or
     * {@link #from(Config)}.
     *
     * @param fsync when appended events are forced to the disk
     * @param maxFileBytes the size at which a file is rotated: the line that would make it
     *        larger goes into a new file
     * @param maxFiles how many files are kept, counting the one being written: at rotation the
     *        oldest beyond this are deleted (1 keeps no rotated file at all)
     */
    public record Config(Fsync fsync, long maxFileBytes, int maxFiles) {
        /** Syncs on flush only. */
        public static final Fsync DEFAULT_FSYNC = Fsync.ON_FLUSH;
        /** Rotates at 64 MiB. */
        public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
        /** Keeps 10 files: the one being written and 9 rotated ones. */
        public static final int DEFAULT_MAX_FILES = 10;

        /**
         * @throws NullPointerException if {@code fsync} is null
         * @throws IllegalArgumentException if {@code maxFileBytes} or {@code maxFiles} is less than 1
         */
        public Config {
            Objects.requireNonNull(fsync, "fsync");
            if (maxFileBytes < 1) {
                throw new IllegalArgumentException("maxFileBytes must be at least 1, was " + maxFileBytes);
            }
            if (maxFiles < 1) {
                throw new IllegalArgumentException("maxFiles must be at least 1, was " + maxFiles);
            }
        }

        /** The defaults: sync on flush, rotate at 64 MiB, keep 10 files. */
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

            private Builder(Config base) {
                fsync = base.fsync;
                maxFileBytes = base.maxFileBytes;
                maxFiles = base.maxFiles;
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

            /**
             * Builds the config.
             *
             * @throws NullPointerException if {@code fsync} is null
             * @throws IllegalArgumentException if {@code maxFileBytes} or {@code maxFiles} is less than 1
             */
            public Config build() {
                return new Config(fsync, maxFileBytes, maxFiles);
            }
        }
    }
}
