package io.ringwatch.agent;

import io.ringwatch.agent.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A time given to {@code ringwatch log --since} or {@code --until}: a duration back from now
 * ({@code 30m}, {@code 1h}, {@code 7d}), an instant ({@code 2026-12-06T10:00:00Z}, or with an
 * offset, {@code 2026-12-06T11:00:00+01:00}) or a day ({@code 2026-12-06}: its start in UTC).
 * Thread-safe.
 */
final class LogTime {
    /** What a time looks like, for error messages. */
    static final String EXAMPLE = "a duration back from now such as 30m, 1h or 7d, a time such as 2026-12-06T10:00:00Z,"
            + " or a day such as 2026-12-06";

    private LogTime() {
    }

    /** The instant {@code text} names at {@code now}, or empty if it names none. */
    static Optional<Instant> parse(String text, Instant now) {
        String trimmed = text.strip();
        Optional<Duration> back = Durations.parse(trimmed);
        if (back.isPresent()) {
            return back.get().isNegative() ? Optional.empty() : Optional.of(now.minus(back.get()));
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException notADateTime) {
            // perhaps a day
        }
        try {
            return Optional.of(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }
}
