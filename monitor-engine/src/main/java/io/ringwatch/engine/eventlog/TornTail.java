package io.ringwatch.engine.eventlog;

import java.io.IOException;
import java.nio.ByteBuffer;
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
            long lineStart = LastLine.start(channel, size);
            long tailBytes = size - lineStart;
            if (tailBytes == 0) {
                return 0;
            }
            if (LastLine.decode(channel, lineStart, tailBytes).isPresent()) {
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

    private static void write(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
