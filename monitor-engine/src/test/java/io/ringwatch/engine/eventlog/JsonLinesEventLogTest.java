package io.ringwatch.engine.eventlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Config;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Fsync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesEventLogTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasAppendedOneLinePerEvent() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(Events.ordersApiDown());
            log.append(Events.probeFailure(1));
        }

        assertThat(Files.readAllLines(file, UTF_8))
                .containsExactly(EventJson.encode(Events.ordersApiDown()), EventJson.encode(Events.probeFailure(1)));
        assertThat(EventLogReader.read(file))
                .isEqualTo(new EventLogReader.Result(List.of(Events.ordersApiDown(), Events.probeFailure(1)), List.of()));
    }

    @Test
    void aReopenedLogGivesBackWhatTheLastRunWrote() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(Events.ordersApiDown());
            log.append(Events.probeFailure(1));
        }

        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            assertThat(log.replay()).containsExactly(Events.ordersApiDown(), Events.probeFailure(1));
        }
    }

    @Test
    void appendsToWhatIsAlreadyThereAfterAReopen() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(Events.probeFailure(1));
        }
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(Events.probeFailure(2));
        }

        assertThat(EventLogReader.read(file).events()).containsExactly(Events.probeFailure(1), Events.probeFailure(2));
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path file = dir.resolve("var/lib/ringwatch/events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(Events.probeFailure(1));
        }

        assertThat(file).exists();
    }

    @Test
    void cutsATornLastLineOnOpenAndKeepsTheRest() throws IOException {
        Path file = dir.resolve("events.jsonl");
        writeLog(file, Events.probeFailure(1), Events.probeFailure(2));
        String torn = EventJson.encode(Events.probeFailure(3)).substring(0, 30);
        Files.writeString(file, torn, UTF_8, StandardOpenOption.APPEND);

        List<String> stderr;
        try (CapturedStderr captured = new CapturedStderr(); JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            stderr = captured.lines();
            log.append(Events.probeFailure(4));
        }

        assertThat(stderr).singleElement().asString()
                .contains("WARN", "Cut 30 bytes of a torn last line off " + file)
                .doesNotContain("check 3");
        assertThat(EventLogReader.read(file))
                .isEqualTo(new EventLogReader.Result(
                        List.of(Events.probeFailure(1), Events.probeFailure(2), Events.probeFailure(4)), List.of()));
    }

    @Test
    void cutsAFileThatIsOnlyATornLine() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, new byte[] {'{', '"', 0, 0, 0});

        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            assertThat(file).isEmptyFile();
            log.append(Events.probeFailure(1));
        }

        assertThat(EventLogReader.read(file).events()).containsExactly(Events.probeFailure(1));
    }

    @Test
    void givesAWholeLastEventItsMissingLineEndInsteadOfCuttingIt() throws IOException {
        Path file = dir.resolve("events.jsonl");
        writeLog(file, Events.probeFailure(1));
        Files.writeString(file, EventJson.encode(Events.probeFailure(2)), UTF_8, StandardOpenOption.APPEND);

        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(Events.probeFailure(3));
        }

        assertThat(EventLogReader.read(file).events())
                .containsExactly(Events.probeFailure(1), Events.probeFailure(2), Events.probeFailure(3));
    }

    @Test
    void leavesCompleteLinesAloneEvenWhenTheyDoNotReadAsEvents() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String content = EventJson.encode(Events.probeFailure(1)) + "\nnot an event\n{\"at\":\"x\"}\n";
        Files.writeString(file, content, UTF_8);

        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(Events.probeFailure(2));
        }

        assertThat(Files.readString(file, UTF_8)).isEqualTo(content + EventJson.encode(Events.probeFailure(2)) + "\n");
    }

    @Test
    void rotatesBeforeALineWouldMakeTheFileTooLargeAndKeepsMaxFiles() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Config twoLinesPerFile = Config.custom().maxFileBytes(2L * Events.lineBytes(Events.probeFailure(0))).maxFiles(3).build();

        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, twoLinesPerFile)) {
            for (int i = 0; i < 7; i++) {
                log.append(Events.probeFailure(i));
            }
        }

        assertThat(EventLogReader.read(dir.resolve("events.2.jsonl")).events()).containsExactly(Events.probeFailure(2), Events.probeFailure(3));
        assertThat(EventLogReader.read(dir.resolve("events.1.jsonl")).events()).containsExactly(Events.probeFailure(4), Events.probeFailure(5));
        assertThat(EventLogReader.read(file).events()).containsExactly(Events.probeFailure(6));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("events.jsonl", "events.1.jsonl", "events.2.jsonl");
        }
        assertThat(EventLogReader.readWithRotated(file).events())
                .containsExactlyElementsOf(IntStream.range(2, 7).mapToObj(Events::probeFailure).toList());
    }

    @Test
    void putsALineLargerThanMaxFileBytesWholeIntoAFileOfItsOwn() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.custom().maxFileBytes(10).build())) {
            log.append(Events.probeFailure(1));
            log.append(Events.probeFailure(2));
        }

        assertThat(EventLogReader.read(dir.resolve("events.1.jsonl")).events()).containsExactly(Events.probeFailure(1));
        assertThat(EventLogReader.read(file).events()).containsExactly(Events.probeFailure(2));
    }

    @Test
    void keepsNoRotatedFileWhenMaxFilesIsOne() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.custom().maxFileBytes(10).maxFiles(1).build())) {
            log.append(Events.probeFailure(1));
            log.append(Events.probeFailure(2));
        }

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(EventLogReader.read(file).events()).containsExactly(Events.probeFailure(2));
    }

    @Test
    void dropsRotatedFilesBeyondALoweredMaxFiles() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Config small = Config.custom().maxFileBytes(10).build();
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, small)) {
            for (int i = 0; i < 6; i++) {
                log.append(Events.probeFailure(i));
            }
        }
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.from(small).maxFiles(2).build())) {
            log.append(Events.probeFailure(6));
        }

        assertThat(EventLogReader.readWithRotated(file).events()).containsExactly(Events.probeFailure(5), Events.probeFailure(6));
    }

    @Test
    void rotatesAFileWithoutAnExtensionByNumberingItsEnd() throws IOException {
        Path file = dir.resolve("audit");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.custom().maxFileBytes(10).build())) {
            log.append(Events.probeFailure(1));
            log.append(Events.probeFailure(2));
        }

        assertThat(EventLogReader.read(dir.resolve("audit.1")).events()).containsExactly(Events.probeFailure(1));
    }

    @Test
    void refusesToAppendAfterClose() throws IOException {
        JsonLinesEventLog log = JsonLinesEventLog.open(dir.resolve("events.jsonl"));
        log.close();

        assertThatThrownBy(() -> log.append(Events.probeFailure(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        log.close();
        log.flush();
        assertThat(log.toString()).contains("closed");
    }

    @Test
    void forcesEveryAppendToDiskWhenAskedTo() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.custom().fsync(Fsync.EVERY_APPEND).build())) {
            for (int i = 0; i < 3; i++) {
                log.append(Events.probeFailure(i));
                assertThat(log.forces()).isEqualTo(i + 1);
                assertThat(EventLogReader.read(file).events()).hasSize(i + 1);
            }
        }
    }

    @Test
    void forcesToDiskOnlyOnFlushByDefault() throws IOException {
        try (JsonLinesEventLog log = JsonLinesEventLog.open(dir.resolve("events.jsonl"))) {
            log.append(Events.probeFailure(1));
            log.append(Events.probeFailure(2));
            assertThat(log.forces()).isZero();

            log.flush();

            assertThat(log.forces()).isEqualTo(1);
        }
    }

    @Test
    void writesAnyTextAsValidUtf8() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Event odd = Event.builder(Events.probeFailure(1).kind()).at(Events.AT).observer(Events.probeFailure(1).observer())
                .message("lone \ud83d surrogate, é, 😀").attribute("by", "\ude00\u2028\n").build();
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(odd);
        }

        assertThat(EventLogReader.read(file)).isEqualTo(new EventLogReader.Result(List.of(odd), List.of()));
    }

    @Test
    void aMessageOrAttributeWithLineBreaksCannotForgeALineOfTheFile() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String forged = "\n" + EventJson.encode(Events.ordersApiDown()) + "\r\n";
        Event received = Event.builder(EventKind.MESSAGE_RECEIVED).at(Events.AT).observer(NodeId.of("n2"))
                .message("ack" + forged).attribute("text", "ack" + forged).attribute("by" + forged, "alice\u2028").build();
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(received);
        }

        assertThat(Files.readAllLines(file, UTF_8)).singleElement().asString().startsWith("{\"at\":");
        assertThat(EventLogReader.read(file)).isEqualTo(new EventLogReader.Result(List.of(received), List.of()));
        assertThat(received.attribute("text")).contains("ack" + forged);
    }

    private static void writeLog(Path file, Event... events) throws IOException {
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            for (Event event : events) {
                log.append(event);
            }
        }
    }
}
