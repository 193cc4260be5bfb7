package io.ringwatch.engine.eventlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Config;
import io.ringwatch.engine.routing.TargetPattern;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCursorTest {
    @TempDir
    Path dir;

    @Test
    void readsTheRotatedFilesOldestFirstThenTheCurrentOne() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Config twoLinesPerFile = Config.custom().maxFileBytes(2L * Events.lineBytes(Events.probeFailure(0))).build();
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, twoLinesPerFile)) {
            for (int i = 0; i < 7; i++) {
                log.append(Events.probeFailure(i));
            }
        }

        try (EventCursor cursor = EventCursor.open(file, EventFilter.all())) {
            List<LoggedEvent> read = cursor.stream().toList();

            assertThat(read).extracting(LoggedEvent::event).containsExactlyElementsOf(
                    IntStream.range(0, 7).mapToObj(Events::probeFailure).toList());
            assertThat(read.get(0)).isEqualTo(new LoggedEvent(Events.probeFailure(0), EventJson.encode(Events.probeFailure(0)),
                    dir.resolve("events.3.jsonl"), 1));
            assertThat(read.get(6).file()).isEqualTo(file);
            assertThat(cursor.files()).extracting(path -> path.getFileName().toString())
                    .containsExactly("events.3.jsonl", "events.2.jsonl", "events.1.jsonl", "events.jsonl");
            assertThat(cursor.skippedLines()).isZero();
        }
    }

    @Test
    void givesOnlyTheEventsThatPassTheFilter() throws IOException {
        Path file = dir.resolve("events.jsonl");
        write(file, line(Events.probeFailure(1)) + line(Events.ordersApiDown()) + line(Events.probeFailure(2)));

        EventFilter downs = EventFilter.custom().kinds(EventKind.STATE_CHANGED).target(TargetPattern.of("n3")).build();
        try (EventCursor cursor = EventCursor.open(file, downs)) {
            assertThat(cursor.next().event()).isEqualTo(Events.ordersApiDown());
            assertThat(cursor.hasNext()).isFalse();
            assertThatThrownBy(cursor::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void skipsAndCountsLinesThatAreNotEventsAndDescribesTheFirstFew() throws IOException {
        Path file = dir.resolve("events.jsonl");
        StringBuilder content = new StringBuilder(line(Events.probeFailure(1)));
        for (int i = 0; i < 12; i++) {
            content.append("garbage ").append(i).append('\n');
        }
        content.append("\n  \n").append(line(Events.probeFailure(2))).append("{\"at\":");
        write(file, content.toString());

        try (EventCursor cursor = EventCursor.open(file, EventFilter.all())) {
            assertThat(cursor.stream().map(LoggedEvent::event)).containsExactly(Events.probeFailure(1), Events.probeFailure(2));
            assertThat(cursor.skippedLines()).isEqualTo(13);
            assertThat(cursor.problems()).hasSize(EventCursor.KEPT_PROBLEMS)
                    .first().asString().startsWith(file + " line 2: not valid JSON");
        }
    }

    @Test
    void passesOverALineTooLongToBeAnEventWithoutHoldingIt() throws IOException {
        Path file = dir.resolve("events.jsonl");
        write(file, line(Events.probeFailure(1)));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            byte[] chunk = "x".repeat(64 * 1024).getBytes(UTF_8);
            for (int i = 0; i < 40; i++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        Files.writeString(file, line(Events.probeFailure(2)), UTF_8, StandardOpenOption.APPEND);

        try (EventCursor cursor = EventCursor.open(file, EventFilter.all())) {
            assertThat(cursor.stream().map(LoggedEvent::event)).containsExactly(Events.probeFailure(1), Events.probeFailure(2));
            assertThat(cursor.problems()).containsExactly(file + " line 2: longer than 1048576 bytes");
        }
    }

    @Test
    void passesOverARotatedFileDeletedAfterItOpened() throws IOException {
        Path file = dir.resolve("events.jsonl");
        write(dir.resolve("events.1.jsonl"), line(Events.probeFailure(1)));
        write(file, line(Events.probeFailure(2)));

        try (EventCursor cursor = EventCursor.open(file, EventFilter.all())) {
            Files.delete(dir.resolve("events.1.jsonl"));

            assertThat(cursor.stream().map(LoggedEvent::event)).containsExactly(Events.probeFailure(2));
            assertThat(cursor.skippedLines()).isZero();
        }
    }

    @Test
    void readsRotatedFilesWhenTheCurrentOneIsMissingAndFailsWhenThereIsNothing() throws IOException {
        Path file = dir.resolve("events.jsonl");
        assertThatThrownBy(() -> EventCursor.open(file, EventFilter.all())).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(file.toString());

        write(dir.resolve("events.1.jsonl"), line(Events.probeFailure(1)));
        try (EventCursor cursor = EventCursor.open(file, EventFilter.all())) {
            assertThat(cursor.stream().map(LoggedEvent::event)).containsExactly(Events.probeFailure(1));
        }
    }

    @Test
    void keepsTheLineAsWrittenWithFieldsALaterVersionAdded() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String later = EventJson.encode(Events.probeFailure(1)).replace("{\"at\"", "{\"region\":\"eu\",\"at\"");
        write(file, later + "\n");

        try (EventCursor cursor = EventCursor.open(file, EventFilter.all())) {
            LoggedEvent read = cursor.next();
            assertThat(read.json()).isEqualTo(later);
            assertThat(read.event()).isEqualTo(Events.probeFailure(1));
        }
    }

    @Test
    void refusesToReadOnceClosed() throws IOException {
        Path file = dir.resolve("events.jsonl");
        write(file, line(Events.probeFailure(1)));
        EventCursor cursor = EventCursor.open(file, EventFilter.all());
        cursor.close();

        assertThatThrownBy(cursor::hasNext).isInstanceOf(IllegalStateException.class);
        cursor.close();
    }

    private static String line(Event event) {
        return EventJson.encode(event) + "\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, UTF_8);
    }
}
