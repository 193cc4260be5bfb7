package io.ringwatch.engine.statuspage;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.json.Json;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link NodeSummary} as JSON, the way nodes send it to the one that renders the page. Times
 * are ISO-8601 instants; the period's durations are whole nanoseconds, so its figures arrive
 * exactly as they were computed, and a day bar is {@code ["2026-11-03", up, degraded, down,
 * maintenance, unknown]} in milliseconds, to keep 90 of them small. Thread-safe.
 */
public final class SummaryJson {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryJson.class);
    private static final AtomicBoolean TOO_LARGE_TOLD = new AtomicBoolean();
    /** The longest period a summary may cover: the page's 90 days, with room to spare. */
    private static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private SummaryJson() {
    }

    /** The summary as one line of JSON. */
    public static String encode(NodeSummary summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", summary.node().value());
        json.put("from", summary.from().toString());
        json.put("to", summary.to().toString());
        json.put("watching", summary.watching().stream().map(NodeId::value).toList());
        List<Object> targets = new ArrayList<>();
        for (TargetSummary target : summary.targets()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", target.target().toString());
            entry.put("status", target.status() == null ? null : target.status().name());
            entry.put("since", target.since() == null ? null : target.since().toString());
            entry.put("period", figures(target.period()));
            List<Object> days = new ArrayList<>();
            for (DayUptime day : target.days()) {
                TargetUptime bar = day.figures();
                days.add(List.of(day.day().toString(), bar.up().toMillis(), bar.degraded().toMillis(), bar.down().toMillis(),
                        bar.maintenance().toMillis(), bar.unknown().toMillis()));
            }
            entry.put("days", days);
            entry.put("incidents", target.period().incidents().stream().map(SummaryJson::incident).toList());
            targets.add(entry);
        }
        json.put("targets", targets);
        return Json.write(json);
    }

    /**
     * The summary as JSON of at most {@code maxBytes} in UTF-8 if it can be: when the whole of
     * it is larger, the incidents' notes are left out, then the incidents, then the day bars,
     * until it fits (with a warning, once); the period's figures and states are always kept.
     */
    public static String encodeWithin(NodeSummary summary, int maxBytes) {
        String json = encode(summary);
        List<UnaryOperator<NodeSummary>> lighter = List.of(
                whole -> each(whole, target -> new TargetSummary(target.target(), target.status(), target.since(),
                        withIncidents(target.period(), target.period().incidents().stream()
                                .map(incident -> NodeFigures.withNotes(incident, List.of())).toList()), target.days())),
                whole -> each(whole, target -> new TargetSummary(target.target(), target.status(), target.since(),
                        withIncidents(target.period(), List.of()), target.days())),
                whole -> each(whole, target -> new TargetSummary(target.target(), target.status(), target.since(),
                        target.period(), List.of())));
        NodeSummary smaller = summary;
        for (UnaryOperator<NodeSummary> step : lighter) {
            if (json.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
                break;
            }
            if (TOO_LARGE_TOLD.compareAndSet(false, true)) {
                LOG.warn("The summary of {} for status pages is over {} bytes: notes, then incidents, then day bars are left"
                        + " out of it", summary.node(), maxBytes);
            }
            smaller = step.apply(smaller);
            json = encode(smaller);
        }
        return json;
    }

    private static NodeSummary each(NodeSummary summary, UnaryOperator<TargetSummary> change) {
        return new NodeSummary(summary.node(), summary.from(), summary.to(), summary.watching(),
                summary.targets().stream().map(change).toList());
    }

    private static TargetUptime withIncidents(TargetUptime figures, List<ReportedIncident> incidents) {
        return new TargetUptime(figures.target(), figures.up(), figures.degraded(), figures.down(), figures.maintenance(),
                figures.unknown(), incidents);
    }

    /**
     * Reads a summary.
     *
     * @throws IllegalArgumentException if the text is not a summary, saying what is wrong
     */
    public static NodeSummary decode(String text) {
        Map<?, ?> json;
        try {
            json = map(Json.parse(text), "the summary");
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("not a node summary: " + malformed.getMessage(), malformed);
        }
        try {
            List<TargetSummary> targets = new ArrayList<>();
            Instant from = instant(json, "from");
            Instant to = instant(json, "to");
            if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
                throw new IllegalArgumentException("the period must run forwards, for at most " + LONGEST_PERIOD.toDays() + " days");
            }
            for (Object entry : list(json.get("targets"), "targets")) {
                targets.add(target(map(entry, "a target"), Duration.between(from, to)));
            }
            return new NodeSummary(new NodeId(text(json, "node")), from, to,
                    list(json.get("watching"), "watching").stream().map(id -> new NodeId(string(id, "watching"))).toList(),
                    targets);
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("not a node summary: " + malformed.getMessage(), malformed);
        }
    }

    private static TargetSummary target(Map<?, ?> json, Duration period) {
        TargetId target = TargetId.parse(text(json, "target"));
        List<ReportedIncident> incidents = new ArrayList<>();
        for (Object entry : list(json.get("incidents"), "incidents")) {
            incidents.add(incident(target, map(entry, "an incident")));
        }
        List<DayUptime> days = new ArrayList<>();
        for (Object entry : list(json.get("days"), "days")) {
            List<?> bar = list(entry, "a day");
            if (bar.size() != 6) {
                throw new IllegalArgumentException("a day must be [day, up, degraded, down, maintenance, unknown]");
            }
            Duration[] times = new Duration[5];
            for (int i = 0; i < times.length; i++) {
                if (!(bar.get(i + 1) instanceof Long millis) || millis < 0) {
                    throw new IllegalArgumentException("a day's times must be counts of milliseconds");
                }
                times[i] = Duration.ofMillis(millis);
            }
            TargetUptime figures = new TargetUptime(target, times[0], times[1], times[2], times[3], times[4], List.of());
            within(figures, Duration.ofDays(1), "a day's times");
            days.add(new DayUptime(LocalDate.parse(string(bar.get(0), "day")), figures));
        }
        Object status = json.get("status");
        Object since = json.get("since");
        return new TargetSummary(target, status == null ? null : Status.valueOf(string(status, "status")),
                since == null ? null : Instant.parse(string(since, "since")),
                within(figures(target, map(json.get("period"), "period"), incidents), period, "the period's times"), days);
    }

    /** The figures, if their times add up to no more than {@code length}. */
    private static TargetUptime within(TargetUptime figures, Duration length, String what) {
        Duration sum = figures.up().plus(figures.degraded()).plus(figures.down()).plus(figures.maintenance())
                .plus(figures.unknown());
        if (sum.compareTo(length) > 0) {
            throw new IllegalArgumentException(what + " add up to more than " + length);
        }
        return figures;
    }

    private static Map<String, Object> figures(TargetUptime figures) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("up", figures.up().toNanos());
        json.put("degraded", figures.degraded().toNanos());
        json.put("down", figures.down().toNanos());
        json.put("maintenance", figures.maintenance().toNanos());
        json.put("unknown", figures.unknown().toNanos());
        return json;
    }

    private static TargetUptime figures(TargetId target, Map<?, ?> json, List<ReportedIncident> incidents) {
        Function<String, Duration> nanos = key -> {
            if (!(json.get(key) instanceof Long value) || value < 0) {
                throw new IllegalArgumentException("'" + key + "' must be a count of nanoseconds");
            }
            return Duration.ofNanos(value);
        };
        return new TargetUptime(target, nanos.apply("up"), nanos.apply("degraded"), nanos.apply("down"),
                nanos.apply("maintenance"), nanos.apply("unknown"), incidents);
    }

    private static Map<String, Object> incident(ReportedIncident incident) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start", incident.start().toString());
        json.put("end", incident.end() == null ? null : incident.end().toString());
        json.put("worst", incident.worst().name());
        json.put("key", incident.key());
        json.put("duringMaintenance", incident.duringMaintenance());
        List<Object> notes = new ArrayList<>();
        for (IncidentNote note : incident.notes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", note.at().toString());
            entry.put("kind", note.kind().name());
            entry.put("by", note.by());
            entry.put("text", note.text());
            notes.add(entry);
        }
        json.put("notes", notes);
        return json;
    }

    private static ReportedIncident incident(TargetId target, Map<?, ?> json) {
        List<IncidentNote> notes = new ArrayList<>();
        for (Object entry : list(json.get("notes"), "notes")) {
            Map<?, ?> note = map(entry, "a note");
            notes.add(new IncidentNote(instant(note, "at"), IncidentNote.Kind.valueOf(text(note, "kind")),
                    text(note, "by"), text(note, "text")));
        }
        Object end = json.get("end");
        Object key = json.get("key");
        if (!(json.get("duringMaintenance") instanceof Boolean duringMaintenance)) {
            throw new IllegalArgumentException("'duringMaintenance' must be true or false");
        }
        return new ReportedIncident(target, instant(json, "start"), end == null ? null : Instant.parse(string(end, "end")),
                Status.valueOf(text(json, "worst")), key == null ? null : string(key, "key"), notes, duringMaintenance);
    }

    private static Map<?, ?> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be an object");
        }
        return map;
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + what + "' must be an array");
        }
        return list;
    }

    private static String text(Map<?, ?> json, String key) {
        return string(json.get(key), key);
    }

    private static String string(Object value, String what) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'" + what + "' must be a string");
        }
        return text;
    }

    private static Instant instant(Map<?, ?> json, String key) {
        return Instant.parse(text(json, key));
    }
}
