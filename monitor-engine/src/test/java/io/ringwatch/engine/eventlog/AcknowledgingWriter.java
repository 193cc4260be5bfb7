package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Config;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Fsync;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The process the kill test kills: appends events numbered from a first sequence number, for
 * ever, to a log that syncs every append, and prints each number on standard output once its
 * append has returned. Every eighth event carries a large attribute, so that a kill can land
 * in the middle of its write.
 *
 * <p>{@code java -cp <test class path> io.ringwatch.engine.eventlog.AcknowledgingWriter FILE FIRST}
 */
public final class AcknowledgingWriter {
    /** How the writer's log is configured: small files, so that kills land around rotations too. */
    static final Config CONFIG = Config.custom().fsync(Fsync.EVERY_APPEND).maxFileBytes(512 * 1024).maxFiles(100_000).build();
    /** The time of event 0; each next one is a minute later, so that daily rotations come too. */
    static final Instant START = Instant.parse("2026-12-06T00:00:00Z");
    /** The attribute holding an event's sequence number. */
    static final String SEQUENCE = "seq";

    private AcknowledgingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long sequence = Long.parseLong(args[1]);
        PrintStream acknowledged = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.US_ASCII);
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, CONFIG)) {
            while (true) {
                log.append(event(sequence));
                acknowledged.println(sequence);
                sequence++;
            }
        }
    }

    static Event event(long sequence) {
        Event.Builder event = Event.builder(EventKind.PROBE_FAILED)
                .at(START.plus(Duration.ofMinutes(sequence)))
                .observer(NodeId.of("n1"))
                .target(TargetId.parse("n3/web"))
                .message("check " + sequence + " of web on node n3 failed")
                .attribute(SEQUENCE, sequence);
        if (sequence % 8 == 0) {
            event.attribute("padding", "x".repeat(32 * 1024 + (int) (sequence * 7919 % (160 * 1024))));
        }
        return event.build();
    }
}
