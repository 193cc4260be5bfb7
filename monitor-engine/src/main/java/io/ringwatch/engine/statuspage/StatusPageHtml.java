package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Status;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Renders a {@link FarmStatus} as one self-contained HTML page: no external style, script,
 * font or image. The page reloads its own content every {@code refresh} in place (with a
 * plain reload where scripts are off) and says so when it could not. Stateless.
 */
final class StatusPageHtml {
    /**
     * Refreshes the header and main part from the same URL, if what came is the page and no
     * older than what is shown; marks the page stale when that fails or takes over 10 s.
     */
    static final String SCRIPT = """
            (function () {
              var every = Number(document.body.getAttribute('data-refresh-ms'));
              if (!(every > 0)) { return; }
              function shownAt(doc) { var main = doc.querySelector('main'); return main ? main.getAttribute('data-at') : null; }
              function refresh() {
                var abort = new AbortController();
                var timer = window.setTimeout(function () { abort.abort(); }, Math.max(every, 10000));
                fetch(window.location.pathname, {cache: 'no-store', headers: {'Accept': 'text/html'}, signal: abort.signal})
                  .then(function (response) { if (!response.ok) { throw new Error('HTTP ' + response.status); } return response.text(); })
                  .then(function (text) {
                    var fresh = new DOMParser().parseFromString(text, 'text/html');
                    var header = fresh.querySelector('header');
                    var at = shownAt(fresh);
                    if (!header || !at) { throw new Error('not the status page'); }
                    if (at >= shownAt(document)) {
                      document.querySelector('header').replaceWith(header);
                      document.querySelector('main').replaceWith(fresh.querySelector('main'));
                    }
                    document.body.classList.remove('stale');
                  })
                  .catch(function () { document.body.classList.add('stale'); })
                  .then(function () { window.clearTimeout(timer); window.setTimeout(refresh, every); });
              }
              window.setTimeout(refresh, every);
            })();
            """;
    /** The script's hash, which the page's Content-Security-Policy allows and nothing else. */
    static final String SCRIPT_HASH = "sha256-" + sha256(SCRIPT);

    private static final String STYLE = """
            :root { --up: #1f9d55; --degraded: #d69e2e; --down: #d64545; --unknown: #a0aec0; --maintenance: #4a90d9; }
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 980px;
                   padding: 1.5rem; color: #1a202c; background: #f7fafc; }
            header h1 { margin: 0 0 .5rem; font-size: 1.6rem; }
            .overall { padding: .8rem 1rem; border-radius: 6px; color: #fff; font-weight: 600; }
            .overall.up { background: var(--up); } .overall.degraded { background: var(--degraded); }
            .overall.down { background: var(--down); } .overall.unknown { background: var(--unknown); }
            .updated { color: #4a5568; font-size: .85rem; }
            .stale-note { display: none; color: var(--down); font-weight: 600; }
            body.stale .stale-note { display: inline; }
            section { background: #fff; border-radius: 6px; padding: 1rem; margin: 1rem 0; box-shadow: 0 1px 2px #0002; }
            h2 { font-size: 1.1rem; margin: 0 0 .8rem; }
            table { border-collapse: collapse; width: 100%; }
            td, th { padding: .35rem .4rem; text-align: left; vertical-align: middle; font-size: .9rem; }
            tr.service td.name { padding-left: 1.6rem; color: #4a5568; }
            .state { font-weight: 700; } .state.up { color: var(--up); } .state.degraded { color: var(--degraded); }
            .state.down { color: var(--down); } .state.unknown { color: var(--unknown); }
            .uptime { font-variant-numeric: tabular-nums; white-space: nowrap; }
            .bars { display: flex; gap: 1px; height: 22px; }
            .bars span { flex: 1; min-width: 2px; border-radius: 1px; background: var(--unknown); opacity: .45; }
            .bars span.up { background: var(--up); opacity: 1; } .bars span.degraded { background: var(--degraded); opacity: 1; }
            .bars span.partial { background: var(--degraded); opacity: 1; } .bars span.down { background: var(--down); opacity: 1; }
            .bars span.maintenance { background: var(--maintenance); opacity: 1; }
            .ring { display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
            .ring-picture { width: 340px; height: 340px; }
            .ring-node circle, .ring-node rect { stroke: #fff; stroke-width: 2; }
            .ring-node.up circle, .ring-node.up rect { fill: var(--up); }
            .ring-node.degraded circle, .ring-node.degraded rect { fill: var(--degraded); }
            .ring-node.down circle, .ring-node.down rect { fill: var(--down); }
            .ring-node.unknown circle, .ring-node.unknown rect { fill: var(--unknown); }
            .ring-node text { fill: #fff; font-size: 12px; font-weight: 700; }
            .edge { stroke: #718096; stroke-width: 1.5; } .edge.planned { stroke-dasharray: 4 4; opacity: .6; }
            .arrow-head { fill: #718096; }
            .legend { font-size: .85rem; color: #4a5568; line-height: 1.7; }
            .dot { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; vertical-align: middle; }
            .incident { border-left: 4px solid var(--down); padding: .2rem .8rem; margin: .8rem 0; }
            .incident.resolved { border-color: var(--up); } .incident.degraded { border-color: var(--degraded); }
            .incident h3 { font-size: 1rem; margin: .2rem 0; } .incident p { margin: .2rem 0; font-size: .9rem; }
            .notes { margin: .3rem 0; padding-left: 1.2rem; font-size: .9rem; } .notes time { color: #4a5568; }
            footer { color: #718096; font-size: .8rem; }
            """;

    private StatusPageHtml() {
    }

    static String render(FarmStatus farm, Duration refresh) {
        return render(farm, refresh, PublicNotes.ALL);
    }

    static String render(FarmStatus farm, Duration refresh, PublicNotes shown) {
        StringBuilder out = new StringBuilder(32_768);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"generator\" content=\"Ringwatch\">")
                .append("<title>").append(Html.escape(farm.title())).append("</title>")
                .append("<noscript><meta http-equiv=\"refresh\" content=\"").append(Math.max(1, refresh.toSeconds()))
                .append("\"></noscript><style>").append(STYLE).append("</style></head>\n")
                .append("<body data-refresh-ms=\"").append(refresh.toMillis()).append("\">\n");
        header(out, farm, refresh);
        out.append("<main data-at=\"").append(farm.at()).append("\">\n");
        targets(out, farm);
        ring(out, farm);
        incidents(out, farm, shown);
        out.append("</main>\n<footer>Uptime is (up + degraded) / (up + degraded + down) over the last ").append(farm.days())
                .append(" days; maintenance is shown apart and not counted. Days are UTC days. Served by Ringwatch.</footer>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, FarmStatus farm, Duration refresh) {
        long down = farm.targets().stream().filter(row -> row.status() == Status.DOWN).count();
        long degraded = farm.targets().stream().filter(row -> row.status() == Status.DEGRADED).count();
        long unknown = farm.targets().stream().filter(row -> row.status() == Status.UNKNOWN).count();
        String overall;
        String text;
        if (down > 0) {
            overall = "down";
            text = down == 1 ? "1 of " + farm.targets().size() + " is down" : down + " of " + farm.targets().size() + " are down";
        } else if (degraded > 0) {
            overall = "degraded";
            text = "Degraded: " + degraded + " of " + farm.targets().size() + " answer poorly";
        } else if (unknown > 0) {
            overall = "unknown";
            text = unknown + " of " + farm.targets().size() + " not known right now";
        } else {
            overall = "up";
            text = "All systems operational";
        }
        out.append("<header><h1>").append(Html.escape(farm.title())).append("</h1>")
                .append("<p class=\"overall ").append(overall).append("\" data-down=\"").append(down).append("\">")
                .append(Html.escape(text)).append("</p>")
                .append("<p class=\"updated\">Updated <time datetime=\"").append(farm.at()).append("\">")
                .append(Html.minute(farm.at())).append("</time>; refreshes every ").append(Durations.compact(refresh))
                .append(". <span class=\"stale-note\">Could not refresh: this may be out of date.</span></p></header>\n");
    }

    private static void targets(StringBuilder out, FarmStatus farm) {
        out.append("<section class=\"targets\"><h2>Current status</h2><table><thead><tr><th>Node or service</th>")
                .append("<th>Now</th><th>Since</th><th>Uptime, ").append(farm.days()).append(" days</th><th>Day by day</th>")
                .append("</tr></thead><tbody>\n");
        LocalDate last = LocalDate.ofInstant(farm.at(), ZoneOffset.UTC);
        for (FarmStatus.TargetRow row : farm.targets()) {
            String status = row.status().name().toLowerCase(Locale.ROOT);
            TargetUptime period = row.period();
            out.append("<tr class=\"target ").append(row.target().isNode() ? "node" : "service").append("\" data-target=\"")
                    .append(Html.escape(row.target().toString())).append("\" data-status=\"").append(row.status().name())
                    .append("\"><td class=\"name\">").append(Html.escape(row.target().isNode() ? row.target().toString()
                            : row.target().service().orElseThrow().value())).append("</td>")
                    .append("<td class=\"state ").append(status).append("\">").append(row.status().name()).append("</td>")
                    .append("<td class=\"since\">").append(row.since() == null ? "" : "<time datetime=\"" + row.since() + "\">"
                            + Html.minute(row.since()) + "</time>").append("</td>")
                    .append("<td class=\"uptime\" data-uptime=\"").append(raw(period.uptimePercent()))
                    .append("\" data-seen-by=\"").append(row.seenBy() == null ? "" : Html.escape(row.seenBy().value()))
                    .append("\" data-until=\"").append(row.seenUntil() == null ? "" : row.seenUntil().toString())
                    .append("\" title=\"").append(row.seenBy() == null ? "no node has seen it yet"
                            : "as " + Html.escape(row.seenBy().value()) + " saw it; in maintenance " + Durations.compact(period.maintenance()))
                    .append("\">").append(Html.percent(period.uptimePercent())).append("</td><td><div class=\"bars\">");
            bars(out, row, last, farm.days());
            out.append("</div></td></tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }

    private static void bars(StringBuilder out, FarmStatus.TargetRow row, LocalDate last, int days) {
        Map<LocalDate, DayUptime> byDay = new HashMap<>();
        row.days().forEach(day -> byDay.put(day.day(), day));
        for (LocalDate day = last.minusDays(days - 1L); !day.isAfter(last); day = day.plusDays(1)) {
            DayUptime figures = byDay.get(day);
            String kind = figures == null || !figures.observed() ? "none" : kind(figures.figures());
            out.append("<span class=\"").append(kind).append("\" data-day=\"").append(day).append("\" title=\"").append(day)
                    .append(": ").append(figures == null || !figures.observed() ? "no data" : describe(figures.figures()))
                    .append("\"></span>");
        }
    }

    private static String kind(TargetUptime figures) {
        if (figures.uptimePercent().isEmpty()) {
            return "maintenance";
        }
        if (figures.down().isZero()) {
            return figures.degraded().isZero() ? "up" : "degraded";
        }
        return figures.uptimePercent().getAsDouble() >= 99.0 ? "partial" : "down";
    }

    private static String describe(TargetUptime figures) {
        StringBuilder text = new StringBuilder(Html.percent(figures.uptimePercent())).append(" up");
        if (!figures.down().isZero()) {
            text.append(", down ").append(Durations.compact(figures.down()));
        }
        if (!figures.degraded().isZero()) {
            text.append(", degraded ").append(Durations.compact(figures.degraded()));
        }
        if (!figures.maintenance().isZero()) {
            text.append(", maintenance ").append(Durations.compact(figures.maintenance()));
        }
        return text.toString();
    }

    private static void ring(StringBuilder out, FarmStatus farm) {
        out.append("<section class=\"ring-section\"><h2>The ring: who watches whom</h2><div class=\"ring\">")
                .append(RingPicture.svg(farm.ring(), farm.edges()))
                .append("<div class=\"legend\">Each node watches the next ones in the ring; an arrow points from a watcher to"
                        + " what it watches.<br><span class=\"dot\" style=\"background:var(--up)\"></span> up"
                        + " <span class=\"dot\" style=\"background:var(--degraded)\"></span> degraded"
                        + " <span class=\"dot\" style=\"background:var(--down)\"></span> down"
                        + " <span class=\"dot\" style=\"background:var(--unknown)\"></span> unknown<br>"
                        + "A dashed arrow: that watcher did not answer, so the arrow is the ring's plan.<br>"
                        + "A square: a machine that is watched but runs no agent.</div></div></section>\n");
    }

    private static void incidents(StringBuilder out, FarmStatus farm, PublicNotes shown) {
        out.append("<section class=\"incidents\"><h2>Recent incidents</h2>\n");
        List<ReportedIncident> incidents = farm.incidents();
        if (incidents.isEmpty()) {
            out.append("<p class=\"no-incidents\">No incidents in the last ").append(farm.days()).append(" days.</p>");
        }
        for (ReportedIncident incident : incidents) {
            String state = incident.closed() ? "resolved" : incident.worst() == Status.DOWN ? "down" : "degraded";
            out.append("<article class=\"incident ").append(state).append("\" data-target=\"")
                    .append(Html.escape(incident.target().toString())).append("\" data-key=\"")
                    .append(Html.escape(incident.incidentKey().orElse(""))).append("\"><h3>")
                    .append(Html.escape(incident.target().describe())).append(": ").append(incident.worst().name())
                    .append(incident.closed() ? ", resolved" : ", ongoing")
                    .append(incident.duringMaintenance() ? " (during maintenance)" : "").append("</h3><p>From <time datetime=\"")
                    .append(incident.start()).append("\">").append(Html.minute(incident.start())).append("</time>");
            if (incident.closed()) {
                out.append(" to <time datetime=\"").append(incident.end()).append("\">").append(Html.minute(incident.end()))
                        .append("</time>");
            }
            out.append(" (").append(Durations.compact(incident.duration(farm.at()))).append(")</p>");
            List<IncidentNote> acknowledgements = incident.acknowledgements();
            if (!acknowledgements.isEmpty()) {
                IncidentNote first = acknowledgements.get(0);
                out.append("<p class=\"acknowledged\">Acknowledged")
                        .append(shown == PublicNotes.NONE ? "" : " by " + Html.escape(first.by().isEmpty() ? "someone" : first.by()))
                        .append(" at ").append(Html.minute(first.at())).append("</p>");
            }
            List<IncidentNote> notes = incident.notes().stream().filter(note -> !note.text().isBlank())
                    .filter(note -> shown == PublicNotes.ALL || shown == PublicNotes.ACKNOWLEDGEMENTS
                            && note.kind() == IncidentNote.Kind.ACKNOWLEDGED)
                    .toList();
            if (!notes.isEmpty()) {
                out.append("<ul class=\"notes\">");
                for (IncidentNote note : notes) {
                    out.append("<li class=\"note\"><time datetime=\"").append(note.at()).append("\">").append(Html.minute(note.at()))
                            .append("</time> ").append(Html.escape(note.by().isEmpty() ? "" : note.by() + ": "))
                            .append(Html.escape(note.text())).append("</li>");
                }
                out.append("</ul>");
            }
            out.append("</article>\n");
        }
        out.append("</section>\n");
    }

    /** The percent with every digit a double has, for tests and scripts that compare figures. */
    private static String raw(OptionalDouble percent) {
        return percent.isPresent() ? Double.toString(percent.getAsDouble()) : "";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
