package io.ringwatch.engine.eventlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogReaderTest {
    @TempDir
    Path dir;

    @Test
    void reportsACorruptedMiddleLineWithFileAndLineNumberAndKeepsTheRest() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, line(1) + line(2).replace("\"PROBE_FAILED\"", "\"PROBE_FAIL") + line(3), UTF_8);

        EventLogReader.Result result = EventLogReader.read(file);

        assertThat(result.events()).containsExactly(Events.probeFailure(1), Events.probeFailure(3));
        assertThat(result.hasProblems()).isTrue();
        assertThat(result.problems()).singleElement().asString()
                .startsWith(file + " line 2: not valid JSON: expected ',' or '}' but found 'o' at line 1, column");
    }

    @Test
    void reportsEachBadLineOnItsOwn() throws IOException {
        Path file = dir.resolve("events.jsonl");
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, '\n'};
        Files.writeString(file, line(1) + "{\"kind\":\"ANNOTATION\"}\n", UTF_8);
        Files.write(file, notUtf8, StandardOpenOption.APPEND);
        Files.writeString(file, "\n  \n" + line(2), UTF_8, StandardOpenOption.APPEND);

        EventLogReader.Result result = EventLogReader.read(file);

        assertThat(result.events()).containsExactly(Events.probeFailure(1), Events.probeFailure(2));
        assertThat(result.problems()).containsExactly(
                file + " line 2: field 'at' is missing",
                file + " line 3: not valid UTF-8");
    }

    @Test
    void reportsAnIncompleteLastLineButKeepsAWholeEventWithoutItsLineEnd() throws IOException {
        Path torn = dir.resolve("torn.jsonl");
        Files.writeString(torn, line(1) + line(2).substring(0, 25), UTF_8);
        Path whole = dir.resolve("whole.jsonl");
        Files.writeString(whole, line(1) + line(2).strip(), UTF_8);

        assertThat(EventLogReader.read(torn).problems()).singleElement().asString()
                .startsWith(torn + " line 2: incomplete last line (a write in progress, or torn by a crash): not valid JSON");
        assertThat(EventLogReader.read(whole))
                .isEqualTo(new EventLogReader.Result(List.of(Events.probeFailure(1), Events.probeFailure(2)), List.of()));
    }

    @Test
    void readsRotatedFilesOldestFirstThenTheCurrentOne() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(dir.resolve("events.7.jsonl"), line(1), UTF_8);
        Files.writeString(dir.resolve("events.2.jsonl"), line(2) + "oops\n", UTF_8);
        Files.writeString(dir.resolve("events.1.jsonl"), line(3), UTF_8);
        Files.writeString(file, line(4), UTF_8);
        Files.writeString(dir.resolve("other.1.jsonl"), line(9), UTF_8);
        Files.writeString(dir.resolve("events.x.jsonl"), line(9), UTF_8);

        EventLogReader.Result result = EventLogReader.readWithRotated(file);

        assertThat(result.events()).containsExactly(
                Events.probeFailure(1), Events.probeFailure(2), Events.probeFailure(3), Events.probeFailure(4));
        assertThat(result.problems()).singleElement().asString().startsWith(dir.resolve("events.2.jsonl") + " line 2: ");
    }

    @Test
    void readsRotatedFilesEvenWhenTheCurrentOneIsMissing() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(dir.resolve("events.1.jsonl"), line(1), UTF_8);

        assertThat(EventLogReader.readWithRotated(file).events()).containsExactly(Events.probeFailure(1));
    }

    @Test
    void readsAFileFarLargerThanItsReadBuffer() throws IOException {
        Path file = dir.resolve("events.jsonl");
        List<Event> events = IntStream.range(0, 3_000).mapToObj(Events::probeFailure).toList();
        Files.writeString(file, events.stream().map(EventJson::encode).collect(Collectors.joining("\n", "", "\n")), UTF_8);

        assertThat(EventLogReader.read(file)).isEqualTo(new EventLogReader.Result(events, List.of()));
    }

    @Test
    void failsWhenThereIsNothingToRead() {
        Path file = dir.resolve("events.jsonl");

        assertThatThrownBy(() -> EventLogReader.read(file)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> EventLogReader.readWithRotated(file)).isInstanceOf(NoSuchFileException.class);
    }

    private static String line(int n) {
        return EventJson.encode(Events.probeFailure(n)) + "\n";
    }
}
