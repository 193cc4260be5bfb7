package io.ringwatch.engine.eventlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mends the end of a log file before appending to it. A crash (kill -9, power loss) can leave
 * the last line without its line end: if that line still reads as a whole event, it gets its
 * line end back; otherwise it is a torn write and is cut off, with one warning. Lines that end
 * properly are never touched, even if they do not read as events.
 */
final class TornTail {
    private static final Logger LOG = LoggerFactory.getLogger(TornTail.class);
    private static final int CHUNK = 8192;
    /** A tail longer than this is no event line: it is cut without trying to read it. */
    private static final int MAX_READABLE_TAIL = 1 << 20;

    private TornTail() {
    }

    /**
     * Mends the file's last line.
     *
     * @return how many bytes were cut off (0 if none)
     */
    static long mend(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long lineStart = startOfLastLine(channel, size);
            long tailBytes = size - lineStart;
            if (tailBytes == 0) {
                return 0;
            }
            if (tailBytes <= MAX_READABLE_TAIL && isWholeEvent(channel, lineStart, (int) tailBytes)) {
                write(channel, ByteBuffer.wrap(new byte[] {'\n'}), size);
                channel.force(false);
                LOG.info("Added the missing line end after the last event in {}", file);
                return 0;
            }
            channel.truncate(lineStart);
            channel.force(true);
            LOG.warn("Cut {} bytes of a torn last line off {} (a write interrupted by a crash)", tailBytes, file);
            return tailBytes;
        }
    }

    /** The position just after the last line end, or 0 if there is none. */
    private static long startOfLastLine(FileChannel channel, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - CHUNK);
            chunk.clear().limit((int) (end - start));
            read(channel, chunk, start);
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private static boolean isWholeEvent(FileChannel channel, long start, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        read(channel, bytes, start);
        try {
            EventJson.decode(StandardCharsets.UTF_8.newDecoder().decode(bytes.flip()).toString());
            return true;
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return false;
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

    private static void write(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
