package io.ringwatch.engine.routing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is on call when: a week of shifts that repeats, in one time zone, and overrides for
 * stretches that differ (a holiday, a swap). Each shift runs from its start until the next
 * shift's start, round the week. The rotation's order is the order of its people's first
 * shifts in the week; "the next person" is the one after whoever the week's shifts put on call.
 * Immutable.
 *
 * <pre>{@code
 * OnCallSchedule.in(ZoneId.of("Europe/Berlin"))
 *         .shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), "alice")
 *         .shift(DayOfWeek.THURSDAY, LocalTime.of(9, 0), "bob")
 *         .override(Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2026-12-27T00:00:00Z"), "carol")
 *         .build();
 * }</pre>
 */
public final class OnCallSchedule {
    private final ZoneId zone;
    private final List<Shift> shifts;
    private final List<OnCallOverride> overrides;

    /**
     * A shift of the weekly schedule.
     *
     * @param day the day it starts
     * @param start the time it starts, in the schedule's zone
     * @param contact who is on call
     */
    public record Shift(DayOfWeek day, LocalTime start, String contact) {
        /** @throws NullPointerException if a value is null */
        public Shift {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(contact, "contact");
        }

        private Duration offsetInWeek() {
            return Duration.ofDays(day.getValue() - 1L).plus(Duration.ofNanos(start.toNanoOfDay()));
        }
    }

    private OnCallSchedule(ZoneId zone, List<Shift> shifts, List<OnCallOverride> overrides) {
        this.zone = zone;
        this.shifts = shifts.stream().sorted(Comparator.comparing(Shift::offsetInWeek)).toList();
        this.overrides = List.copyOf(overrides);
    }

    /** Starts a schedule in this time zone. */
    public static Builder in(ZoneId zone) {
        return new Builder(Objects.requireNonNull(zone, "zone"));
    }

    /** The zone the shifts' times are in. */
    public ZoneId zone() {
        return zone;
    }

    /** The weekly shifts, in the order of the week from Monday 00:00. */
    public List<Shift> shifts() {
        return shifts;
    }

    /** The overrides, in the order given. */
    public List<OnCallOverride> overrides() {
        return overrides;
    }

    /** Every contact the schedule names. */
    public List<String> people() {
        List<String> people = new ArrayList<>(rotation());
        overrides.stream().map(OnCallOverride::contact).filter(name -> !people.contains(name)).forEach(people::add);
        return people;
    }

    /** Who is on call at {@code at}: the last override given that covers it, else the week's shift. */
    public Optional<String> onCallAt(Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(at)) {
                return Optional.of(overrides.get(i).contact());
            }
        }
        return scheduledAt(at);
    }

    /**
     * Whom to call when the person on call at {@code at} does not answer: the person the week's
     * shifts put on call, if an override stands in for them; else the next person of the
     * rotation. Empty if there is nobody else.
     */
    public Optional<String> nextAt(Instant at) {
        Optional<String> onCall = onCallAt(at);
        Optional<String> scheduled = scheduledAt(at);
        if (scheduled.isPresent() && !scheduled.equals(onCall)) {
            return scheduled;
        }
        List<String> rotation = rotation();
        if (scheduled.isEmpty() || rotation.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(rotation.get((rotation.indexOf(scheduled.get()) + 1) % rotation.size()));
    }

    private Optional<String> scheduledAt(Instant at) {
        if (shifts.isEmpty()) {
            return Optional.empty();
        }
        // On the wall clock of the zone: a shift starts at its local time whatever daylight saving does to the day.
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalDateTime weekStart = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
        Duration intoWeek = Duration.between(weekStart, local);
        Shift current = shifts.get(shifts.size() - 1); // before the week's first shift, last week's last one runs
        for (Shift shift : shifts) {
            if (shift.offsetInWeek().compareTo(intoWeek) <= 0) {
                current = shift;
            }
        }
        return Optional.of(current.contact());
    }

    /** The people of the weekly shifts, each once, in the order of their first shift in the week. */
    private List<String> rotation() {
        List<String> order = new ArrayList<>();
        shifts.stream().map(Shift::contact).filter(name -> !order.contains(name)).forEach(order::add);
        return order;
    }

    /** The same schedule with one more override, which wins over those given before. */
    public OnCallSchedule withOverride(OnCallOverride override) {
        List<OnCallOverride> more = new ArrayList<>(overrides);
        more.add(Objects.requireNonNull(override, "override"));
        return new OnCallSchedule(zone, shifts, more);
    }

    @Override
    public String toString() {
        return "OnCallSchedule[" + zone + ", " + shifts.size() + " shift(s), " + overrides.size() + " override(s)]";
    }

    /** Collects shifts and overrides. Not thread-safe. */
    public static final class Builder {
        private final ZoneId zone;
        private final List<Shift> shifts = new ArrayList<>();
        private final List<OnCallOverride> overrides = new ArrayList<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * Adds a shift: {@code contact} is on call from {@code day} at {@code start} until the next shift starts.
         *
         * @throws IllegalArgumentException if another shift starts at the same time
         */
        public Builder shift(DayOfWeek day, LocalTime start, String contact) {
            Shift shift = new Shift(day, start, contact);
            if (shifts.stream().anyMatch(other -> other.offsetInWeek().equals(shift.offsetInWeek()))) {
                throw new IllegalArgumentException("two on-call shifts start on " + day + " at " + start);
            }
            shifts.add(shift);
            return this;
        }

        /** Adds an override; a later one wins where two overlap. */
        public Builder override(Instant from, Instant until, String contact) {
            overrides.add(new OnCallOverride(from, until, contact));
            return this;
        }

        /** @throws IllegalStateException if there is neither a shift nor an override */
        public OnCallSchedule build() {
            if (shifts.isEmpty() && overrides.isEmpty()) {
                throw new IllegalStateException("an on-call schedule needs at least one shift or override");
            }
            return new OnCallSchedule(zone, shifts, overrides);
        }
    }
}
