package io.ringwatch.agent.config;

import io.ringwatch.engine.routing.OnCallSchedule;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code on-call} section: a week of shifts that repeats, in one time zone, and overrides
 * for stretches that differ, as an {@link OnCallSchedule}.
 */
final class OnCallSchema {
    static final List<String> KEYS = List.of("zone", "shifts", "overrides");
    static final List<String> SHIFT_KEYS = List.of("from", "contact");
    static final List<String> OVERRIDE_KEYS = List.of("from", "until", "contact");
    static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    static final String SHIFT_START_EXAMPLE = "a weekday and a time such as monday 09:00";

    private static final Pattern SHIFT_START = Pattern.compile("([A-Za-z]+)\\s+(\\d{1,2}):(\\d{2})");

    private OnCallSchema() {
    }

    /** The schedule, or empty after reporting what is wrong. */
    static Optional<OnCallSchedule> read(YamlMap onCall, KnownContacts contacts) {
        Optional<ZoneId> zone = onCall.get("zone").map(value -> value.parse("a time zone such as Europe/Berlin or UTC",
                OnCallSchema::zone)).orElse(Optional.of(DEFAULT_ZONE));
        boolean valid = zone.isPresent();
        OnCallSchedule.Builder schedule = OnCallSchedule.in(zone.orElse(DEFAULT_ZONE));
        Optional<List<YamlValue>> shiftList = onCall.get("shifts").map(value -> value.list("shifts")).orElse(Optional.of(List.of()));
        Optional<List<YamlValue>> overrideList = onCall.get("overrides").map(value -> value.list("overrides"))
                .orElse(Optional.of(List.of()));
        if (shiftList.isEmpty() || overrideList.isEmpty()) {
            return Optional.empty();
        }
        List<YamlValue> shifts = shiftList.get();
        List<YamlValue> overrides = overrideList.get();
        if (shifts.isEmpty() && overrides.isEmpty()) {
            onCall.value().error("needs at least one shift (shifts) or override (overrides)");
            return Optional.empty();
        }
        Map<LocalShift, String> starts = new LinkedHashMap<>();
        for (YamlValue item : shifts) {
            valid &= item.map(SHIFT_KEYS).map(shift -> shift(shift, contacts, starts, schedule)).orElse(false);
        }
        for (YamlValue item : overrides) {
            valid &= item.map(OVERRIDE_KEYS).map(override -> override(override, contacts, schedule)).orElse(false);
        }
        return valid ? Optional.of(schedule.build()) : Optional.empty();
    }

    private static boolean shift(YamlMap shift, KnownContacts contacts, Map<LocalShift, String> starts,
            OnCallSchedule.Builder schedule) {
        Optional<YamlValue> fromValue = shift.required("from", "when the shift starts, " + SHIFT_START_EXAMPLE);
        Optional<LocalShift> from = fromValue.flatMap(value -> value.parse(SHIFT_START_EXAMPLE, OnCallSchema::shiftStart))
                .filter(start -> {
                    YamlValue value = fromValue.get();
                    String first = starts.putIfAbsent(start, value.path() + " (line " + value.line() + ")");
                    if (first != null) {
                        value.error("another shift starts at the same time, at " + first);
                    }
                    return first == null;
                });
        Optional<KnownContacts.Entry> contact = shift.required("contact", "who is on call during the shift")
                .flatMap(contacts::reference);
        if (from.isEmpty() || contact.isEmpty()) {
            return false;
        }
        schedule.shift(from.get().day(), from.get().time(), contact.get().name());
        return true;
    }

    private static boolean override(YamlMap override, KnownContacts contacts, OnCallSchedule.Builder schedule) {
        Optional<YamlValue> fromValue = override.required("from", "when the override starts, "
                + MaintenanceSchema.INSTANT_EXAMPLE);
        Optional<YamlValue> untilValue = override.required("until", "when it ends, " + MaintenanceSchema.INSTANT_EXAMPLE);
        Optional<Instant> from = fromValue.flatMap(MaintenanceSchema::dateTime);
        Optional<Instant> until = untilValue.flatMap(MaintenanceSchema::dateTime);
        Optional<KnownContacts.Entry> contact = override.required("contact", "who is on call instead")
                .flatMap(contacts::reference);
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            untilValue.get().error("must be after from (line " + fromValue.get().line() + ")");
            return false;
        }
        if (from.isEmpty() || until.isEmpty() || contact.isEmpty()) {
            return false;
        }
        schedule.override(from.get(), until.get(), contact.get().name());
        return true;
    }

    /** A shift's start in the week: {@code monday 09:00}. */
    record LocalShift(DayOfWeek day, LocalTime time) {
    }

    /** {@code monday 09:00}, {@code Mon 9:00}: a weekday, whole or its first three letters, and a time of day. */
    static Optional<LocalShift> shiftStart(String text) {
        Matcher matcher = SHIFT_START.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String day = matcher.group(1).toLowerCase(Locale.ROOT);
        int hour = Integer.parseInt(matcher.group(2));
        int minute = Integer.parseInt(matcher.group(3));
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        for (DayOfWeek candidate : DayOfWeek.values()) {
            String full = candidate.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (day.equals(full) || day.equals(full.substring(0, 3))) {
                return Optional.of(new LocalShift(candidate, LocalTime.of(hour, minute)));
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> zone(String text) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException notAZone) {
            return Optional.empty();
        }
    }
}
