package io.ringwatch.engine.conversation;

import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.audit.Durations;
import io.ringwatch.engine.routing.RoutingChange;
import io.ringwatch.engine.routing.Subscription;
import io.ringwatch.engine.routing.TargetPattern;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The commands people send over a two-way channel, carried out on the engine and answered in
 * plain text. The first word is the command, with or without a leading {@code /} (and a
 * Telegram-style {@code @bot} suffix); anything that is not a command is a note, already in the
 * log. Stateless and thread-safe.
 */
final class Commands {
    static final String HELP = String.join("\n",
            "Commands:",
            "ack [target]  I have it: no more reminders or escalation (in reply to an alert: that one)",
            "status [node]  what this node sees",
            "mute <target> <duration> [reason]  hear nothing of it for a while (30m, 2h, 1d); with a reason, it ends when the target recovers",
            "unmute <target>",
            "subscribe <target> [information|warning|critical]  follow it on this channel (from warning up by default)",
            "unsubscribe <target>",
            "oncall  who is on call now, and next",
            "note <text>  write a note into the log (about the target it starts with, or the alert it replies to)",
            "Targets: n3 (the node and its services), n3/orders-api, */orders-api, *. Anything else you write goes into the log as it is.");

    private final MonitorEngine engine;
    private final Clock clock;

    Commands(MonitorEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** One message from a known contact: who, on which channel, what, and the target of the incident it replies to. */
    record Request(String contact, String channel, String text, Optional<TargetId> about) {
        List<String> words() {
            return Arrays.asList(text.strip().split("\\s+"));
        }

        /** The words after the command, from the {@code index}-th on, as written. */
        String rest(int index) {
            List<String> words = words();
            return index >= words.size() ? "" : String.join(" ", words.subList(index, words.size()));
        }

        Optional<String> word(int index) {
            List<String> words = words();
            return index < words.size() ? Optional.of(words.get(index)) : Optional.empty();
        }
    }

    /**
     * Carries out the request's command and says what came of it.
     *
     * @throws IllegalArgumentException for a target, duration or contact that is not valid
     */
    String answer(Request request) {
        String command = verb(request.word(0).orElse(""));
        switch (command) {
            case "help":
            case "?":
                return HELP;
            case "ack":
                return acknowledge(request);
            case "status":
                return status(request.word(1));
            case "mute":
                return mute(request);
            case "unmute":
                return unmute(request);
            case "subscribe":
                return subscribe(request);
            case "unsubscribe":
                return unsubscribe(request);
            case "oncall":
                return onCall();
            case "note":
                String note = request.rest(1);
                if (note.isBlank()) {
                    return "Write the note after the word: note deploying 2.4.1";
                }
                engine.annotate(request.about().orElse(null), request.contact(), note);
                return "Noted.";
            default:
                return request.about().map(target -> "Noted in the log of " + target.describe() + ".")
                        .orElse("Noted. (Write help for the commands.)");
        }
    }

    /**
     * The target an {@code ack} or a {@code note} names as its first argument ({@code ack n3},
     * {@code note n3/orders-api restarted}), if it is one of the farm's; empty for anything else.
     */
    Optional<TargetId> targetNamed(String text) {
        List<String> words = Arrays.asList(text.strip().split("\\s+"));
        if (words.size() < 2 || !Set.of("ack", "note").contains(verb(words.get(0)))) {
            return Optional.empty();
        }
        try {
            TargetId target = TargetId.parse(words.get(1));
            return engine.ring().members().contains(target.node()) ? Optional.of(target) : Optional.empty();
        } catch (IllegalArgumentException notATarget) {
            return Optional.empty();
        }
    }

    /** {@code /Ack@ringwatch_bot} is {@code ack}. */
    static String verb(String word) {
        String verb = word.startsWith("/") ? word.substring(1) : word;
        int at = verb.indexOf('@');
        return (at >= 0 ? verb.substring(0, at) : verb).toLowerCase(Locale.ROOT);
    }

    private String acknowledge(Request request) {
        Optional<TargetId> named = request.word(1).map(TargetId::parse);
        Optional<TargetId> target = named.or(request::about).or(this::theOneOpenIncident);
        if (target.isEmpty()) {
            List<String> open = openIncidents().stream().map(TargetId::toString).toList();
            return open.isEmpty() ? "Nothing is open here to acknowledge."
                    : "Which one? Open here: " + String.join(", ", open) + ". Write ack <target>.";
        }
        boolean had = engine.acknowledge(target.get(), request.contact(), "via " + request.channel());
        return had ? "Acknowledged " + target.get().describe() + ": no more reminders or escalation."
                : "Told the watchers of " + target.get().describe() + " that you have it.";
    }

    private Optional<TargetId> theOneOpenIncident() {
        List<TargetId> open = openIncidents();
        return open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
    }

    private List<TargetId> openIncidents() {
        return engine.view().targets().stream()
                .filter(view -> view.incidentKey() != null && !view.acknowledged() && view.status().isProblem())
                .map(EngineView.TargetView::target).toList();
    }

    private String status(Optional<String> node) {
        EngineView view = engine.view();
        Optional<TargetPattern> only = node.map(TargetPattern::of);
        List<EngineView.TargetView> shown = view.targets().stream()
                .filter(target -> only.map(pattern -> pattern.matches(target.target())).orElse(true)).toList();
        if (shown.isEmpty()) {
            return engine.self() + " watches " + node.map(n -> "nothing of " + n).orElse("nothing yet")
                    + ". Its own health: " + view.health() + ".";
        }
        List<EngineView.TargetView> trouble = shown.stream().filter(target -> target.status() != Status.UP).toList();
        String seen = "as seen by " + engine.self();
        if (trouble.isEmpty()) {
            return "All " + shown.size() + " targets UP, " + seen + ".";
        }
        return trouble.stream().map(target -> target.target().describe(target.status().name())
                        + (target.acknowledged() ? " (acknowledged)" : "") + (target.lastReason().isBlank() ? "" : ": " + target.lastReason()))
                .collect(Collectors.joining("\n", "", "\n" + (shown.size() - trouble.size()) + " more UP, " + seen + "."));
    }

    private String mute(Request request) {
        Optional<String> targets = request.word(1);
        Optional<Duration> duration = request.word(2).flatMap(Durations::parse).filter(d -> !d.isNegative() && !d.isZero());
        if (targets.isEmpty() || duration.isEmpty()) {
            return "Write mute <target> <duration> [reason], such as: mute n3 2h deploying 2.4.1";
        }
        String reason = request.rest(3);
        engine.mute(request.contact(), TargetPattern.of(targets.get()), duration.get(), reason, request.contact());
        return "Muted " + targets.get() + " for you until " + clock.instant().plus(duration.get())
                + (reason.isBlank() ? "." : ", or until it recovers: " + reason + ".");
    }

    private String unmute(Request request) {
        Optional<String> targets = request.word(1);
        if (targets.isEmpty()) {
            return "Write unmute <target>, such as: unmute n3";
        }
        boolean changed = engine.changeRouting(new RoutingChange.Unmute(request.contact(), TargetPattern.of(targets.get()),
                request.contact()));
        return changed ? "Unmuted " + targets.get() + "." : "You had not muted " + targets.get() + ".";
    }

    private String subscribe(Request request) {
        Optional<String> targets = request.word(1);
        if (targets.isEmpty()) {
            return "Write subscribe <target> [information|warning|critical], such as: subscribe n3 critical";
        }
        Severity minimum = request.word(2).map(word -> Severity.valueOf(word.toUpperCase(Locale.ROOT))).orElse(Severity.WARNING);
        engine.changeRouting(new RoutingChange.Subscribe(new Subscription(request.contact(), TargetPattern.of(targets.get()),
                minimum, Set.of(request.channel())), request.contact()));
        return "Subscribed to " + targets.get() + " from " + minimum.name().toLowerCase(Locale.ROOT) + " up, on "
                + request.channel() + ".";
    }

    private String unsubscribe(Request request) {
        Optional<String> targets = request.word(1);
        if (targets.isEmpty()) {
            return "Write unsubscribe <target>, such as: unsubscribe n3";
        }
        boolean changed = engine.changeRouting(new RoutingChange.Unsubscribe(request.contact(),
                TargetPattern.of(targets.get()), request.contact()));
        return changed ? "Unsubscribed from " + targets.get() + "." : "You were not subscribed to " + targets.get() + ".";
    }

    private String onCall() {
        return engine.routing().onCallSchedule().map(schedule -> {
            String now = schedule.onCallAt(clock.instant()).orElse("nobody");
            return "On call now: " + now + schedule.nextAt(clock.instant()).map(next -> "; next: " + next).orElse("") + ".";
        }).orElse("There is no on-call schedule.");
    }
}
