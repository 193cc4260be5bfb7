package io.ringwatch.engine.wire;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.ProbeResult;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.json.Json;
import io.ringwatch.engine.json.JsonException;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.routing.RoutingChange;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peer questions and answers as JSON, such as {@code {"question":"check","target":"n3/orders-api"}}
 * and {@code {"answer":"checked","result":{"status":"DOWN","latencyMs":3,"reason":"connection
 * refused"},"report":{...}}}. Reading rejects anything malformed with an
 * {@link IllegalArgumentException} that says what, and ignores fields it does not know.
 * Stateless and thread-safe.
 */
public final class PeerJson {
    private PeerJson() {
    }

    /** One question as JSON. */
    public static String encode(PeerQuestion question) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (question instanceof PeerQuestion.Liveness) {
            json.put("question", "liveness");
        } else if (question instanceof PeerQuestion.CheckTarget check) {
            json.put("question", "check");
            json.put("target", check.target().toString());
        } else if (question instanceof PeerQuestion.ReportOn report) {
            json.put("question", "report");
            json.put("target", report.target().toString());
        } else if (question instanceof PeerQuestion.ChangeRouting change) {
            json.put("question", "change-routing");
            json.put("change", new LinkedHashMap<String, Object>(change.change().attributes()));
        } else if (question instanceof PeerQuestion.RecordMessage message) {
            json.put("question", "record-message");
            json.put("target", message.target().toString());
            if (!message.incident().isEmpty()) {
                json.put("incident", message.incident());
            }
            json.put("by", message.by());
            json.put("channel", message.channel());
            json.put("text", message.text());
        } else {
            PeerQuestion.Acknowledge ack = (PeerQuestion.Acknowledge) question;
            json.put("question", "acknowledge");
            json.put("target", ack.target().toString());
            json.put("by", ack.by());
            json.put("note", ack.note());
        }
        return Json.write(json);
    }

    /** One answer as JSON. */
    public static String encode(PeerAnswer answer) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (answer instanceof PeerAnswer.Alive alive) {
            json.put("answer", "alive");
            json.put("health", alive.health().name());
            json.put("reason", alive.reason());
        } else if (answer instanceof PeerAnswer.Checked checked) {
            json.put("answer", "checked");
            json.put("result", result(checked.result()));
            json.put("report", report(checked.report()));
        } else if (answer instanceof PeerAnswer.Reported reported) {
            json.put("answer", "reported");
            json.put("report", report(reported.report()));
        } else {
            json.put("answer", "noted");
            json.put("hadIncident", ((PeerAnswer.Noted) answer).hadIncident());
        }
        return Json.write(json);
    }

    /**
     * Reads one question.
     *
     * @throws IllegalArgumentException if the text is not a valid question
     */
    public static PeerQuestion decodeQuestion(String text) {
        Fields json = Fields.of(parse(text), "question");
        String kind = json.string("question");
        switch (kind) {
            case "liveness":
                return new PeerQuestion.Liveness();
            case "check":
                return new PeerQuestion.CheckTarget(json.target("target"));
            case "report":
                return new PeerQuestion.ReportOn(json.target("target"));
            case "acknowledge":
                return new PeerQuestion.Acknowledge(json.target("target"), json.string("by"), json.string("note"));
            case "change-routing":
                return new PeerQuestion.ChangeRouting(RoutingChange.read(json.strings("change"))
                        .orElseThrow(() -> new IllegalArgumentException("'change' is not a routing change")));
            case "record-message":
                return new PeerQuestion.RecordMessage(json.target("target"),
                        json.has("incident") ? json.string("incident") : "", json.string("by"), json.string("channel"),
                        json.string("text"));
            default:
                throw new IllegalArgumentException("unknown question '" + OneLine.of(kind, 40) + "'");
        }
    }

    /**
     * Reads one answer.
     *
     * @throws IllegalArgumentException if the text is not a valid answer
     */
    public static PeerAnswer decodeAnswer(String text) {
        Fields json = Fields.of(parse(text), "answer");
        String kind = json.string("answer");
        switch (kind) {
            case "alive":
                return new PeerAnswer.Alive(json.status("health"), json.string("reason"));
            case "checked":
                return new PeerAnswer.Checked(result(json.object("result")), report(json.object("report")));
            case "reported":
                return new PeerAnswer.Reported(report(json.object("report")));
            case "noted":
                return new PeerAnswer.Noted(json.bool("hadIncident"));
            default:
                throw new IllegalArgumentException("unknown answer '" + OneLine.of(kind, 40) + "'");
        }
    }

    /** A check result as a JSON object. */
    public static Map<String, Object> result(ProbeResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", result.status().name());
        json.put("latencyMs", result.latency().toMillis());
        json.put("reason", result.reason());
        return json;
    }

    private static ProbeResult result(Fields json) {
        long millis = json.number("latencyMs");
        return new ProbeResult(json.status("status"), Duration.ofMillis(Math.max(0, millis)), json.string("reason"));
    }

    private static Map<String, Object> report(TargetReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", report.target().toString());
        json.put("state", report.state().name());
        json.put("pending", report.pending());
        json.put("selfSuspect", report.selfSuspect());
        report.lastNotified().ifPresent(notified -> {
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("incidentKey", notified.incidentKey());
            sent.put("kind", notified.kind().name());
            sent.put("status", notified.status().name());
            sent.put("by", notified.by().value());
            json.put("notified", sent);
        });
        return json;
    }

    private static TargetReport report(Fields json) {
        TargetReport.Notified notified = null;
        if (json.has("notified")) {
            Fields sent = json.object("notified");
            notified = new TargetReport.Notified(sent.string("incidentKey"),
                    sent.enumValue("kind", NotificationKind.class), sent.status("status"), NodeId.of(sent.string("by")));
        }
        return new TargetReport(json.target("target"), json.status("state"), json.bool("pending"),
                json.bool("selfSuspect"), notified);
    }

    private static Object parse(String text) {
        try {
            return Json.parse(text);
        } catch (JsonException failure) {
            throw new IllegalArgumentException("not JSON: " + failure.getMessage(), failure);
        }
    }

    /** The fields of one JSON object, read with checks that say which field is wrong. */
    private record Fields(Map<?, ?> map, String what) {
        static Fields of(Object value, String what) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(what + ": expected a JSON object");
            }
            return new Fields(map, what);
        }

        boolean has(String field) {
            return map.get(field) != null;
        }

        Object required(String field) {
            Object value = map.get(field);
            if (value == null) {
                throw new IllegalArgumentException(what + ": field '" + field + "' is missing");
            }
            return value;
        }

        String string(String field) {
            if (required(field) instanceof String text) {
                return text;
            }
            throw new IllegalArgumentException(what + ": field '" + field + "' must be a string");
        }

        boolean bool(String field) {
            if (required(field) instanceof Boolean flag) {
                return flag;
            }
            throw new IllegalArgumentException(what + ": field '" + field + "' must be true or false");
        }

        long number(String field) {
            if (required(field) instanceof Long number) {
                return number;
            }
            throw new IllegalArgumentException(what + ": field '" + field + "' must be an integer");
        }

        Fields object(String field) {
            return Fields.of(required(field), what + "." + field);
        }

        /** A JSON object whose values are all strings. */
        Map<String, String> strings(String field) {
            Fields inner = object(field);
            Map<String, String> values = new LinkedHashMap<>();
            inner.map.keySet().forEach(key -> values.put(String.valueOf(key), inner.string(String.valueOf(key))));
            return values;
        }

        TargetId target(String field) {
            return TargetId.parse(string(field));
        }

        Status status(String field) {
            return enumValue(field, Status.class);
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            String name = string(field);
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(what + ": field '" + field + "' has an unknown value '"
                        + OneLine.of(name, 40) + "'");
            }
        }
    }
}
