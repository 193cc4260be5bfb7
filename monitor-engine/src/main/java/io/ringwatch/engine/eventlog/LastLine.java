package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Finds the end of a log file by reading it backwards, without reading the rest. */
final class LastLine {
    private static final int CHUNK = 8192;

    private LastLine() {
    }

    /** The position just after the last line end before {@code end}, or 0 if there is none. */
    static long start(FileChannel channel, long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long to = end;
        while (to > 0) {
            long from = Math.max(0, to - CHUNK);
            chunk.clear().limit((int) (to - from));
            read(channel, chunk, from);
            for (int i = (int) (to - from) - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            to = from;
        }
        return 0;
    }

    /**
     * The event on the file's last complete line (one that has its line end), or empty if there
     * is no such line or it does not read as an event.
     */
    static Optional<Event> event(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = start(channel, channel.size()) - 1; // the last line end
            if (end < 0) {
                return Optional.empty();
            }
            long start = start(channel, end);
            return decode(channel, start, end - start);
        }
    }

    /** The event in {@code length} bytes from {@code start}, or empty if they are not one. */
    static Optional<Event> decode(FileChannel channel, long start, long length) throws IOException {
        if (length > LineReader.MAX_LINE_BYTES) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) length);
        read(channel, bytes, start);
        try {
            return Optional.of(EventJson.decode(StandardCharsets.UTF_8.newDecoder().decode(bytes.flip()).toString()));
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void read(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("file ended while reading its last line");
            }
            at += n;
        }
    }
}
