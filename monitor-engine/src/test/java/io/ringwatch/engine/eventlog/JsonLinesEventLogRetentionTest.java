package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily rotation and retention by age, both on the events' own times. */
class JsonLinesEventLogRetentionTest {
    private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-12-06T23:59:59.999Z");

    @TempDir
    Path dir;

    private Path file;

    @Test
    void startsANewFileWhenTheUtcDayOfTheEventsChanges() throws IOException {
        file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(note(BEFORE_MIDNIGHT.minusSeconds(3600)));
            log.append(note(BEFORE_MIDNIGHT));
            log.append(note(BEFORE_MIDNIGHT.plusMillis(1)));
            log.append(note(BEFORE_MIDNIGHT.plus(Duration.ofDays(2))));
        }

        assertThat(times("events.2.jsonl")).containsExactly(BEFORE_MIDNIGHT.minusSeconds(3600), BEFORE_MIDNIGHT);
        assertThat(times("events.1.jsonl")).containsExactly(BEFORE_MIDNIGHT.plusMillis(1));
        assertThat(times("events.jsonl")).containsExactly(BEFORE_MIDNIGHT.plus(Duration.ofDays(2)));
    }

    @Test
    void knowsTheDayOfTheFileItReopens() throws IOException {
        file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(note(BEFORE_MIDNIGHT));
        }
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file)) {
            log.append(note(BEFORE_MIDNIGHT.plusSeconds(1)));
        }

        assertThat(times("events.1.jsonl")).containsExactly(BEFORE_MIDNIGHT);
        assertThat(times("events.jsonl")).containsExactly(BEFORE_MIDNIGHT.plusSeconds(1));
    }

    @Test
    void keepsDaysTogetherWhenDailyRotationIsOff() throws IOException {
        file = dir.resolve("events.jsonl");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.custom().rotateDaily(false).build())) {
            log.append(note(BEFORE_MIDNIGHT));
            log.append(note(BEFORE_MIDNIGHT.plus(Duration.ofDays(3))));
        }

        assertThat(names()).containsExactly("events.jsonl");
        assertThat(times("events.jsonl")).hasSize(2);
    }

    @Test
    void deletesRotatedFilesWhoseNewestEventIsOlderThanMaxAge() throws IOException {
        file = dir.resolve("events.jsonl");
        Instant day0 = Instant.parse("2026-11-01T12:00:00Z");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.custom().maxAge(Duration.ofDays(3)).build())) {
            for (int day = 0; day < 6; day++) {
                log.append(note(day0.plus(Duration.ofDays(day))));
            }
            assertThat(names()).containsExactlyInAnyOrder("events.jsonl", "events.1.jsonl", "events.2.jsonl", "events.3.jsonl");

            log.append(note(day0.plus(Duration.ofDays(8))));
        }

        assertThat(names()).containsExactlyInAnyOrder("events.jsonl", "events.1.jsonl");
        assertThat(times("events.1.jsonl")).containsExactly(day0.plus(Duration.ofDays(5)));
    }

    @Test
    void keepsARotatedFileItCannotDateAndEverythingNewer() throws IOException {
        file = dir.resolve("events.jsonl");
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        Files.writeString(dir.resolve("events.3.jsonl"), EventJson.encode(note(longAgo)) + "\n");
        Files.writeString(dir.resolve("events.2.jsonl"), EventJson.encode(note(longAgo)) + "\nnot an event\n");
        Files.writeString(dir.resolve("events.1.jsonl"), EventJson.encode(note(longAgo)) + "\n");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, Config.custom().maxAge(Duration.ofDays(1)).build())) {
            log.append(note(BEFORE_MIDNIGHT));
            log.append(note(BEFORE_MIDNIGHT.plusSeconds(1)));
        }

        assertThat(names()).containsExactlyInAnyOrder("events.jsonl", "events.1.jsonl", "events.2.jsonl", "events.3.jsonl");
        assertThat(times("events.3.jsonl")).as("the undated events.2, rotated").containsExactly(longAgo);
    }

    @Test
    void replaysTheNewestRotatedFilesThatFitInOneFileSizeSoADailyRotationLosesNothing() throws IOException {
        file = dir.resolve("events.jsonl");
        int lineBytes = Events.lineBytes(note(BEFORE_MIDNIGHT));
        Config threeLines = Config.custom().maxFileBytes(3L * lineBytes).build();
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, threeLines)) {
            for (int day = 0; day < 4; day++) {
                log.append(note(BEFORE_MIDNIGHT.plus(Duration.ofDays(day))));
            }
        }

        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, threeLines)) {
            assertThat(log.replay()).extracting(Event::at).containsExactly(
                    BEFORE_MIDNIGHT.plus(Duration.ofDays(1)), BEFORE_MIDNIGHT.plus(Duration.ofDays(2)),
                    BEFORE_MIDNIGHT.plus(Duration.ofDays(3)));
        }
    }

    private static Event note(Instant at) {
        return Event.builder(EventKind.ANNOTATION).at(at).observer(NodeId.of("n1")).message("note at " + at).build();
    }

    private List<Instant> times(String name) throws IOException {
        return EventLogReader.read(dir.resolve(name)).events().stream().map(Event::at).toList();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
