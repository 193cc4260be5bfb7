package io.ringwatch.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How {@code ringwatch report} prints an {@link UptimeReport}: a table for people, CSV or JSON;
 * either the targets with their incidents, or, with {@code --incidents}, only the incidents.
 */
enum ReportFormat {
    /** One line per target, then the incidents. */
    TABLE {
        @Override
        void print(UptimeReport report, String view, PrintWriter out) {
            heading(report, view, out);
            String row = "%-24s %8s %10s %10s %12s %9s %10s%n";
            out.printf(row, "TARGET", "UPTIME", "DOWN", "DEGRADED", "MAINTENANCE", "INCIDENTS", "MTTR");
            for (TargetUptime target : report.targets()) {
                out.printf(row, target.target(), percent(target), human(target.down()), human(target.degraded()),
                        human(target.maintenance()), target.incidentCount(), target.mttr().map(ReportFormat::human).orElse("-"));
            }
            out.println("Overall MTTR: " + report.mttr().map(ReportFormat::human).orElse("- (no incident ended)"));
            if (report.incidents().isEmpty()) {
                out.println("No incidents.");
                return;
            }
            out.println();
            incidents(report, out);
        }

        @Override
        void printIncidents(UptimeReport report, String view, PrintWriter out) {
            heading(report, view, out);
            if (report.incidents().isEmpty()) {
                out.println("No incidents.");
                return;
            }
            incidents(report, out);
        }

        private void heading(UptimeReport report, String view, PrintWriter out) {
            out.println("Report " + report.from() + " to " + report.to() + " (" + human(report.period()) + "), " + view);
        }

        private void incidents(UptimeReport report, PrintWriter out) {
            int inMaintenance = report.incidents().size() - report.incidentCount();
            out.println("Incidents: " + report.incidentCount()
                    + (inMaintenance > 0 ? " (and " + inMaintenance + " that started in maintenance, not counted)" : ""));
            for (ReportedIncident incident : report.incidents()) {
                out.println("  " + incident.target() + " " + incident.worst() + " from " + incident.start() + " "
                        + incident.endTime().map(end -> "to " + end).orElse("(still open)") + ", "
                        + human(incident.duration(report.to())) + incident.incidentKey().map(key -> ", incident " + key).orElse("")
                        + (incident.duringMaintenance() ? ", started in maintenance (not counted)" : ""));
                for (IncidentNote note : incident.notes()) {
                    out.println("    " + note.at() + " " + describe(note));
                }
            }
        }
    },
    /** A header line, then one row per target (or per incident). */
    CSV {
        @Override
        void print(UptimeReport report, String view, PrintWriter out) {
            out.println("target,uptime_percent,up_seconds,degraded_seconds,down_seconds,maintenance_seconds,unknown_seconds,incidents,"
                    + "mttr_seconds,incidents_in_maintenance");
            for (TargetUptime target : report.targets()) {
                row(out, target.target().toString(),
                        target.uptimePercent().isPresent() ? String.format(Locale.ROOT, "%.3f", target.uptimePercent().getAsDouble()) : "",
                        target.up().toSeconds(), target.degraded().toSeconds(), target.down().toSeconds(),
                        target.maintenance().toSeconds(), target.unknown().toSeconds(), target.incidentCount(),
                        target.mttr().map(d -> Long.toString(d.toSeconds())).orElse(""),
                        target.incidents().size() - target.incidentCount());
            }
        }

        @Override
        void printIncidents(UptimeReport report, String view, PrintWriter out) {
            out.println("target,start,end,duration_seconds,worst,incident_key,acknowledged_by,during_maintenance,notes_count,notes");
            for (ReportedIncident incident : report.incidents()) {
                row(out, incident.target().toString(), incident.start().toString(),
                        incident.endTime().map(Object::toString).orElse(""), incident.duration(report.to()).toSeconds(),
                        incident.worst().name(), incident.incidentKey().orElse(""), String.join("; ", acknowledgers(incident)),
                        incident.duringMaintenance(), incident.notes().size(),
                        incident.notes().stream().map(note -> note.at() + " " + describe(note)).collect(Collectors.joining(" | ")));
            }
        }

        private void row(PrintWriter out, Object... fields) {
            out.println(Arrays.stream(fields).map(field -> csv(String.valueOf(field))).collect(Collectors.joining(",")));
        }
    },
    /** One JSON object: the period, the targets with their incidents, the overall MTTR (or the incidents alone). */
    JSON {
        @Override
        void print(UptimeReport report, String view, PrintWriter out) {
            ObjectNode root = root(report);
            report.mttr().ifPresentOrElse(d -> root.put("mttrSeconds", d.toSeconds()), () -> root.putNull("mttrSeconds"));
            root.put("incidentCount", report.incidentCount());
            ArrayNode targets = root.putArray("targets");
            for (TargetUptime target : report.targets()) {
                ObjectNode node = targets.addObject().put("target", target.target().toString());
                if (target.uptimePercent().isPresent()) {
                    node.put("uptimePercent", target.uptimePercent().getAsDouble());
                } else {
                    node.putNull("uptimePercent");
                }
                node.put("upSeconds", target.up().toSeconds()).put("degradedSeconds", target.degraded().toSeconds())
                        .put("downSeconds", target.down().toSeconds()).put("maintenanceSeconds", target.maintenance().toSeconds())
                        .put("unknownSeconds", target.unknown().toSeconds());
                target.mttr().ifPresentOrElse(d -> node.put("mttrSeconds", d.toSeconds()), () -> node.putNull("mttrSeconds"));
                node.put("incidentCount", target.incidentCount());
                ArrayNode incidents = node.putArray("incidents");
                target.incidents().forEach(incident -> incident(incidents.addObject(), incident, report));
            }
            out.println(root.toPrettyString());
        }

        @Override
        void printIncidents(UptimeReport report, String view, PrintWriter out) {
            ObjectNode root = root(report);
            ArrayNode incidents = root.putArray("incidents");
            report.incidents().forEach(incident -> incident(incidents.addObject().put("target", incident.target().toString()),
                    incident, report));
            out.println(root.toPrettyString());
        }

        private ObjectNode root(UptimeReport report) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            return root.put("from", report.from().toString()).put("to", report.to().toString());
        }

        private void incident(ObjectNode entry, ReportedIncident incident, UptimeReport report) {
            entry.put("start", incident.start().toString())
                    .put("end", incident.endTime().map(Object::toString).orElse(null))
                    .put("durationSeconds", incident.duration(report.to()).toSeconds())
                    .put("worst", incident.worst().name()).put("incident", incident.key())
                    .put("duringMaintenance", incident.duringMaintenance());
            ArrayNode notes = entry.putArray("notes");
            incident.notes().forEach(note -> notes.addObject().put("at", note.at().toString())
                    .put("kind", note.kind().name()).put("by", note.by()).put("text", note.text()));
        }
    };

    /**
     * Prints the report: each target's figures, and the incidents.
     *
     * @param view whose view it is, for people: "as this node's log tells it", "as n1 saw it"
     */
    abstract void print(UptimeReport report, String view, PrintWriter out);

    /** Prints only the incidents of the report, one entry each, by start. */
    abstract void printIncidents(UptimeReport report, String view, PrintWriter out);

    /** A CSV field as RFC 4180 writes it: quoted, with its quotes doubled, when it holds a comma, a quote or a line break. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Who acknowledged the incident, each once, in order; "someone" for an acknowledgement that names nobody. */
    private static List<String> acknowledgers(ReportedIncident incident) {
        return incident.acknowledgements().stream().map(note -> note.by().isEmpty() ? "someone" : note.by()).distinct().toList();
    }

    /** The format with this name, in any case; empty names none. */
    static java.util.Optional<ReportFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The names, for messages: table, csv, json. */
    static String names() {
        return Arrays.stream(values()).map(format -> format.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** {@code 2d 3h}, {@code 1h 05m}, {@code 4m 10s}, {@code 0s}. */
    static String human(Duration duration) {
        return Durations.compact(duration);
    }

    private static String percent(TargetUptime target) {
        return target.uptimePercent().isPresent() ? String.format(Locale.ROOT, "%.3f%%", target.uptimePercent().getAsDouble()) : "-";
    }

    private static String describe(IncidentNote note) {
        String by = note.by().isEmpty() ? "someone" : note.by();
        switch (note.kind()) {
            case ACKNOWLEDGED:
                return "acknowledged by " + by + (note.text().isEmpty() ? "" : ": " + note.text());
            case MESSAGE:
                return "message from " + by + ": " + note.text();
            default:
                return "note by " + by + ": " + note.text();
        }
    }
}
