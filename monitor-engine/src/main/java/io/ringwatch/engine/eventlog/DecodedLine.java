package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What one line of a log file holds: nothing, an event, or something that is not one. */
sealed interface DecodedLine {

    /** A line with nothing but white space: passed over without a word. */
    record Blank() implements DecodedLine {
    }

    /** A line that reads as an event; {@code json} is the line as written. */
    record Readable(Event event, String json) implements DecodedLine {
    }

    /** A line that does not read as an event; {@code problem} says where and why. */
    record Unreadable(String problem) implements DecodedLine {
    }

    /** Reads a line of {@code file}. */
    static DecodedLine of(Path file, LineReader.Line line) {
        String where = file + " line " + line.number() + ": "
                + (line.ended() ? "" : "incomplete last line (a write in progress, or torn by a crash): ");
        if (line.tooLong()) {
            return new Unreadable(where + "longer than " + LineReader.MAX_LINE_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.bytes())).toString();
        } catch (CharacterCodingException e) {
            return new Unreadable(where + "not valid UTF-8");
        }
        if (text.isBlank()) {
            return new Blank();
        }
        try {
            return new Readable(EventJson.decode(text), text);
        } catch (IllegalArgumentException e) {
            return new Unreadable(where + e.getMessage());
        }
    }
}
