package io.ringwatch.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code ringwatch report} prints an {@link UptimeReport}: a table for people, CSV or JSON. */
enum ReportFormat {
    /** One line per target, then the incidents. */
    TABLE {
        @Override
        void print(UptimeReport report, PrintWriter out) {
            out.println("Report " + report.from() + " to " + report.to() + " (" + human(report.period()) + "), as this node's log tells it");
            String row = "%-24s %8s %10s %10s %12s %9s %10s%n";
            out.printf(row, "TARGET", "UPTIME", "DOWN", "DEGRADED", "MAINTENANCE", "INCIDENTS", "MTTR");
            for (TargetUptime target : report.targets()) {
                out.printf(row, target.target(), percent(target), human(target.down()), human(target.degraded()),
                        human(target.maintenance()), target.incidents().size(), target.mttr().map(ReportFormat::human).orElse("-"));
            }
            out.println("Overall MTTR: " + report.mttr().map(ReportFormat::human).orElse("- (no incident ended)"));
            if (report.incidents().isEmpty()) {
                out.println("No incidents.");
                return;
            }
            out.println();
            out.println("Incidents:");
            for (ReportedIncident incident : report.incidents()) {
                out.println("  " + incident.target() + " " + incident.worst() + " from " + incident.start() + " "
                        + incident.endTime().map(end -> "to " + end).orElse("(still open)") + ", "
                        + human(incident.duration(report.to())) + incident.incidentKey().map(key -> ", incident " + key).orElse(""));
                for (IncidentNote note : incident.notes()) {
                    out.println("    " + note.at() + " " + describe(note));
                }
            }
        }
    },
    /** A header line, then one row per target. */
    CSV {
        @Override
        void print(UptimeReport report, PrintWriter out) {
            out.println("target,uptime_percent,up_seconds,degraded_seconds,down_seconds,maintenance_seconds,unknown_seconds,incidents,mttr_seconds");
            for (TargetUptime target : report.targets()) {
                out.println(target.target() + ","
                        + (target.uptimePercent().isPresent() ? String.format(Locale.ROOT, "%.3f", target.uptimePercent().getAsDouble()) : "")
                        + "," + target.up().toSeconds() + "," + target.degraded().toSeconds() + "," + target.down().toSeconds()
                        + "," + target.maintenance().toSeconds() + "," + target.unknown().toSeconds()
                        + "," + target.incidents().size() + "," + target.mttr().map(d -> Long.toString(d.toSeconds())).orElse(""));
            }
        }
    },
    /** One JSON object: the period, the targets with their incidents, the overall MTTR. */
    JSON {
        @Override
        void print(UptimeReport report, PrintWriter out) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("from", report.from().toString()).put("to", report.to().toString());
            report.mttr().ifPresentOrElse(d -> root.put("mttrSeconds", d.toSeconds()), () -> root.putNull("mttrSeconds"));
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
                ArrayNode incidents = node.putArray("incidents");
                for (ReportedIncident incident : target.incidents()) {
                    ObjectNode entry = incidents.addObject().put("start", incident.start().toString())
                            .put("end", incident.endTime().map(Object::toString).orElse(null))
                            .put("durationSeconds", incident.duration(report.to()).toSeconds())
                            .put("worst", incident.worst().name()).put("incident", incident.key());
                    ArrayNode notes = entry.putArray("notes");
                    incident.notes().forEach(note -> notes.addObject().put("at", note.at().toString())
                            .put("kind", note.kind().name()).put("by", note.by()).put("text", note.text()));
                }
            }
            out.println(root.toPrettyString());
        }
    };

    /** Prints the report. */
    abstract void print(UptimeReport report, PrintWriter out);

    /** The format with this name, in any case; empty names none. */
    static java.util.Optional<ReportFormat> named(String name) {
        return java.util.Arrays.stream(values()).filter(format -> format.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The names, for messages: table, csv, json. */
    static String names() {
        return java.util.Arrays.stream(values()).map(format -> format.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** {@code 2d 3h}, {@code 1h 05m}, {@code 4m 10s}, {@code 0s}. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + String.format(Locale.ROOT, "%02dm", minutes);
        }
        if (minutes > 0) {
            return minutes + "m " + String.format(Locale.ROOT, "%02ds", seconds % 60);
        }
        return seconds + "s";
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
