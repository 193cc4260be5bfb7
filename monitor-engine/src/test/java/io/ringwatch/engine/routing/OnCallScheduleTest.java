package io.ringwatch.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class OnCallScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Alice from Monday 09:00, bob from Thursday 09:00, carol for the weekend from Saturday 00:00, Berlin time. */
    private static final OnCallSchedule WEEK = OnCallSchedule.in(BERLIN)
            .shift(DayOfWeek.THURSDAY, LocalTime.of(9, 0), "bob")
            .shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), "alice")
            .shift(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, "carol")
            .build();

    /** 2026-12-07 is a Monday. */
    private static Instant berlin(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), BERLIN).toInstant();
    }

    @Test
    void eachShiftRunsUntilTheNextStartsInTheScheduleZone() {
        assertThat(WEEK.onCallAt(berlin("2026-12-07T09:00:00"))).contains("alice");
        assertThat(WEEK.onCallAt(berlin("2026-12-10T08:59:59"))).contains("alice");
        assertThat(WEEK.onCallAt(berlin("2026-12-10T09:00:00"))).contains("bob");
        assertThat(WEEK.onCallAt(berlin("2026-12-11T23:59:59"))).contains("bob");
        assertThat(WEEK.onCallAt(berlin("2026-12-12T00:00:00"))).contains("carol");
    }

    @Test
    void beforeTheWeeksFirstShiftLastWeeksLastShiftStillRuns() {
        assertThat(WEEK.onCallAt(berlin("2026-12-07T08:59:59"))).contains("carol");
        assertThat(WEEK.onCallAt(berlin("2026-12-07T00:00:00"))).contains("carol");
    }

    @Test
    void theShiftsFollowTheZoneAcrossDaylightSaving() {
        // 2027-03-28 is the Sunday Berlin moves to summer time; the Monday shift still starts at 09:00 local.
        assertThat(WEEK.onCallAt(berlin("2027-03-29T08:59:00"))).contains("carol");
        assertThat(WEEK.onCallAt(berlin("2027-03-29T09:00:00"))).contains("alice");
    }

    @Test
    void aShiftLaterOnTheDayDaylightSavingStartsStartsAtItsLocalTime() {
        // 2027-03-28: Berlin's clocks go from 02:00 to 03:00; erin's shift starts at 10:00 local that Sunday.
        OnCallSchedule sunday = OnCallSchedule.in(BERLIN).shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), "alice")
                .shift(DayOfWeek.SUNDAY, LocalTime.of(10, 0), "erin").build();

        assertThat(sunday.onCallAt(berlin("2027-03-28T09:59:00"))).contains("alice");
        assertThat(sunday.onCallAt(berlin("2027-03-28T10:00:00"))).contains("erin");
    }

    @Test
    void inAZoneWhoseDaylightSavingSkipsMidnightTheShiftsKeepTheirLocalTimes() {
        // 2026-09-06 in Santiago: midnight does not exist (00:00 becomes 01:00).
        ZoneId santiago = ZoneId.of("America/Santiago");
        OnCallSchedule chile = OnCallSchedule.in(santiago).shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), "alice")
                .shift(DayOfWeek.SUNDAY, LocalTime.of(10, 0), "bob").build();
        Instant sundayAt1030 = ZonedDateTime.of(java.time.LocalDateTime.parse("2026-09-06T10:30:00"), santiago).toInstant();
        Instant sundayAt0930 = ZonedDateTime.of(java.time.LocalDateTime.parse("2026-09-06T09:30:00"), santiago).toInstant();

        assertThat(chile.onCallAt(sundayAt1030)).contains("bob");
        assertThat(chile.onCallAt(sundayAt0930)).contains("alice");
    }

    @Test
    void anOverrideStandsInAndTheLastOneGivenWins() {
        OnCallSchedule holiday = WEEK
                .withOverride(new OnCallOverride(berlin("2026-12-08T00:00:00"), berlin("2026-12-09T00:00:00"), "dave"))
                .withOverride(new OnCallOverride(berlin("2026-12-08T12:00:00"), berlin("2026-12-08T13:00:00"), "erin"));

        assertThat(holiday.onCallAt(berlin("2026-12-07T23:59:59"))).contains("alice");
        assertThat(holiday.onCallAt(berlin("2026-12-08T00:00:00"))).contains("dave");
        assertThat(holiday.onCallAt(berlin("2026-12-08T12:30:00"))).contains("erin");
        assertThat(holiday.onCallAt(berlin("2026-12-09T00:00:00"))).contains("alice");
        assertThat(holiday.people()).containsExactly("alice", "bob", "carol", "dave", "erin");
    }

    @Test
    void theNextPersonIsTheScheduledOneDuringAnOverrideElseTheNextOfTheRotation() {
        OnCallSchedule holiday = WEEK
                .withOverride(new OnCallOverride(berlin("2026-12-08T00:00:00"), berlin("2026-12-09T00:00:00"), "dave"));

        assertThat(holiday.nextAt(berlin("2026-12-08T10:00:00"))).contains("alice");
        assertThat(holiday.nextAt(berlin("2026-12-07T10:00:00"))).contains("bob");
        assertThat(holiday.nextAt(berlin("2026-12-10T10:00:00"))).contains("carol");
        assertThat(holiday.nextAt(berlin("2026-12-12T10:00:00"))).as("round the rotation").contains("alice");
    }

    @Test
    void aScheduleOfOnePersonHasNobodyNext() {
        OnCallSchedule alone = OnCallSchedule.in(BERLIN).shift(DayOfWeek.MONDAY, LocalTime.NOON, "alice").build();

        assertThat(alone.onCallAt(Instant.EPOCH)).contains("alice");
        assertThat(alone.nextAt(Instant.EPOCH)).isEmpty();
    }

    @Test
    void refusesTwoShiftsAtOneTimeAnOverrideThatEndsBeforeItStartsAndAnEmptySchedule() {
        assertThatThrownBy(() -> OnCallSchedule.in(BERLIN).shift(DayOfWeek.MONDAY, LocalTime.NOON, "a")
                .shift(DayOfWeek.MONDAY, LocalTime.NOON, "b")).hasMessage("two on-call shifts start on MONDAY at 12:00");
        assertThatThrownBy(() -> new OnCallOverride(Instant.EPOCH, Instant.EPOCH, "a"))
                .hasMessageContaining("must be after from");
        assertThatThrownBy(() -> OnCallSchedule.in(BERLIN).build()).isInstanceOf(IllegalStateException.class);
    }
}
