package io.ringwatch.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of any weekly schedule: someone is always on call, and the week repeats. */
class OnCallScheduleProperties {
    private static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dave");

    @Property
    void theOneOnCallIsWhoseShiftStartedLastOnTheZonesWallClock(@ForAll("schedules") OnCallSchedule schedule,
            @ForAll @IntRange(min = 0, max = 2_000_000_000) int seconds) {
        Instant at = Instant.ofEpochSecond(1_000_000_000L + seconds);
        LocalDateTime local = LocalDateTime.ofInstant(at, schedule.zone());
        // The reference: each shift's latest start at or before now on the wall clock; the latest of them wins.
        OnCallSchedule.Shift latest = null;
        LocalDateTime latestStart = null;
        for (OnCallSchedule.Shift shift : schedule.shifts()) {
            LocalDateTime start = local.with(TemporalAdjusters.previousOrSame(shift.day())).with(shift.start());
            if (start.isAfter(local)) {
                start = start.minusWeeks(1);
            }
            if (latestStart == null || start.isAfter(latestStart)) {
                latest = shift;
                latestStart = start;
            }
        }

        assertThat(schedule.onCallAt(at)).contains(latest.contact());
    }

    @Property
    void someoneOfTheScheduleIsOnCallAtEveryInstantAndTheWeekRepeats(@ForAll("schedules") OnCallSchedule schedule,
            @ForAll @IntRange(min = 0, max = 2_000_000_000) int seconds) {
        Instant at = Instant.ofEpochSecond(1_700_000_000L + seconds);

        String onCall = schedule.onCallAt(at).orElseThrow();
        assertThat(schedule.people()).contains(onCall);
        if (schedule.zone().getRules().isFixedOffset()) { // across daylight saving, OnCallScheduleTest shows it
            assertThat(schedule.onCallAt(at.plus(Duration.ofDays(7)))).contains(onCall);
        }
    }

    @Property
    void theNextPersonIsSomeoneElseWheneverTheRotationHasTwo(@ForAll("schedules") OnCallSchedule schedule,
            @ForAll @IntRange(min = 0, max = 2_000_000_000) int seconds) {
        Instant at = Instant.ofEpochSecond(1_700_000_000L + seconds);
        long rotation = schedule.shifts().stream().map(OnCallSchedule.Shift::contact).distinct().count();

        assertThat(schedule.nextAt(at).isPresent()).isEqualTo(rotation >= 2);
        schedule.nextAt(at).ifPresent(next -> assertThat(next).isNotEqualTo(schedule.onCallAt(at).orElseThrow()));
    }

    @Provide
    Arbitrary<OnCallSchedule> schedules() {
        Arbitrary<OnCallSchedule.Shift> shift = Combinators.combine(
                Arbitraries.of(DayOfWeek.class),
                Arbitraries.integers().between(0, 24 * 60 - 1).map(minute -> LocalTime.of(minute / 60, minute % 60)),
                Arbitraries.of(PEOPLE)).as(OnCallSchedule.Shift::new);
        Arbitrary<ZoneId> zone = Arbitraries.of(ZoneId.of("Z"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
                ZoneId.of("Asia/Kolkata"), ZoneId.of("America/Santiago"), ZoneId.of("Australia/Lord_Howe"));
        return Combinators.combine(zone, shift.list().ofMinSize(1).ofMaxSize(8).uniqueElements(
                s -> s.day().ordinal() * 10_000 + s.start().toSecondOfDay())).as((z, shifts) -> {
                    OnCallSchedule.Builder builder = OnCallSchedule.in(z);
                    shifts.forEach(s -> builder.shift(s.day(), s.start(), s.contact()));
                    return builder.build();
                });
    }
}
