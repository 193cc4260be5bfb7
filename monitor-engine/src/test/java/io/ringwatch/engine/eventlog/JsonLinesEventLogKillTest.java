package io.ringwatch.engine.eventlog;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends with {@code Fsync.EVERY_APPEND} (SIGKILL, at random moments), over
 * and over, and shows after each reopen that no line is torn and that every event the process
 * acknowledged is in the log, once, in order. The seed of the random delays is printed; set
 * {@code -Dringwatch.killtest.seed=N} to replay one run.
 */
class JsonLinesEventLogKillTest {
    private static final int KILLS = 20;
    private static final Duration STARTED_WITHIN = Duration.ofSeconds(20);
    private static final Duration DIED_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void keepsEveryAcknowledgedEventWholeOnceAndInOrderAcrossRepeatedKills() throws Exception {
        long seed = Long.getLong("ringwatch.killtest.seed", System.nanoTime());
        System.out.println("Kill test seed: " + seed + " (replay with -Dringwatch.killtest.seed=" + seed + ")");
        Random random = new Random(seed);
        Path file = dir.resolve("events.jsonl");
        long started = System.nanoTime();
        long next = 0;
        int acknowledged = 0;
        int tornTails = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Path acks = dir.resolve("acks-" + kill + ".txt");
            Process writer = start(file, next, acks, dir.resolve("stderr-" + kill + ".txt"));
            try {
                await().atMost(STARTED_WITHIN).pollInterval(Duration.ofMillis(10))
                        .until(() -> !acknowledged(acks).isEmpty() || !writer.isAlive());
                assertThat(writer.isAlive()).as("the writer runs (see %s)", dir.resolve("stderr-" + kill + ".txt")).isTrue();
                // The fault injected: the writer appends for a random while, then dies mid-stride.
                assertThat(writer.waitFor(50 + random.nextInt(251), TimeUnit.MILLISECONDS)).as("the writer died by itself").isFalse();
            } finally {
                writer.destroyForcibly();
                assertThat(writer.waitFor(DIED_WITHIN.toMillis(), TimeUnit.MILLISECONDS)).as("the writer died").isTrue();
            }
            // A kill just after a rotation (by size, or at UTC midnight) can leave no current file yet.
            if (Files.exists(file) && Files.size(file) > 0 && lastByte(file) != '\n') {
                tornTails++;
            }
            JsonLinesEventLog.open(file, AcknowledgingWriter.CONFIG).close();

            List<Long> logged = sequences(file);
            List<Long> acked = acknowledged(acks);
            assertThat(logged).as("after kill %d: every sequence number from 0, once, in order", kill)
                    .containsExactlyElementsOf(range(0, logged.size()));
            assertThat(logged).as("after kill %d: every acknowledged event is in the log", kill).containsAll(acked);
            acknowledged += acked.size();
            next = logged.size();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("Kill test: %d kills, %d events acknowledged, %d in the log, %d torn last lines cut, %d files, %d s%n",
                KILLS, acknowledged, next, tornTails, new LogFiles(file).allOldestFirst().size(), seconds);
        assertThat(acknowledged).as("events acknowledged in all").isGreaterThanOrEqualTo(KILLS);
    }

    private static Process start(Path file, long first, Path acks, Path stderr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), AcknowledgingWriter.class.getName(),
                file.toString(), Long.toString(first))
                .redirectOutput(acks.toFile())
                .redirectError(stderr.toFile())
                .start();
    }

    /** The numbers the writer printed whole (a number cut short by the kill is not acknowledged). */
    private static List<Long> acknowledged(Path acks) throws IOException {
        String printed = Files.readString(acks, US_ASCII);
        String whole = printed.substring(0, printed.lastIndexOf('\n') + 1);
        return whole.lines().map(Long::valueOf).toList();
    }

    /** The sequence numbers in the log, in log order; fails on any line that does not read as an event. */
    private static List<Long> sequences(Path file) throws IOException {
        List<Long> sequences = new ArrayList<>();
        try (EventCursor cursor = EventCursor.open(file, EventFilter.all())) {
            cursor.forEachRemaining(logged -> sequences.add(
                    Long.valueOf(logged.event().attribute(AcknowledgingWriter.SEQUENCE).orElseThrow())));
            assertThat(cursor.problems()).as("lines that do not read as events").isEmpty();
        }
        return sequences;
    }

    private static int lastByte(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0);
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n < to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
