package io.ringwatch.samples.outage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Captures what is printed on {@link System#out} until closed, then puts the original stream
 * back: {@code try (CapturedStdout stdout = CapturedStdout.start()) { ... stdout.lines() ... }}.
 * Not thread-safe, and {@code System.out} is global: use it in tests that do not run in parallel.
 */
final class CapturedStdout implements AutoCloseable {
    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedStdout() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, UTF_8));
    }

    /** Starts capturing. */
    static CapturedStdout start() {
        return new CapturedStdout();
    }

    /** The lines printed so far. */
    List<String> lines() {
        return captured.toString(UTF_8).lines().toList();
    }

    /** Puts the original {@code System.out} back. */
    @Override
    public void close() {
        System.setOut(original);
    }
}
