package io.ringwatch.engine.eventlog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a log file line by line as bytes, holding one line at a time: a line longer than
 * {@link #MAX_LINE_BYTES} is passed over without being kept. Not thread-safe.
 */
final class LineReader implements Closeable {
    /** The longest line read: no event line comes near it, so anything longer is damage. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long number;

    LineReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * One line of the file, without its line end.
     *
     * @param number the line number, from 1
     * @param bytes the line's bytes; empty when {@code tooLong}
     * @param ended whether the line had its line end (only the last line of a file may lack it)
     * @param tooLong whether the line was longer than {@link #MAX_LINE_BYTES} and so not kept
     */
    record Line(long number, byte[] bytes, boolean ended, boolean tooLong) {
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                return line(line, length, false, tooLong);
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            if (!tooLong && length + chunk > MAX_LINE_BYTES) {
                tooLong = true;
                length = 0;
            }
            if (!tooLong) {
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                }
                System.arraycopy(buffer, position, line, length, chunk);
                length += chunk;
            }
            position = end;
            if (end < limit) {
                position++; // the line end
                return line(line, length, true, tooLong);
            }
        }
    }

    private Line line(byte[] line, int length, boolean ended, boolean tooLong) {
        number++;
        return new Line(number, tooLong ? new byte[0] : Arrays.copyOf(line, length), ended, tooLong);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
