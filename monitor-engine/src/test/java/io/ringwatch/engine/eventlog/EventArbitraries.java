package io.ringwatch.engine.eventlog;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.ServiceId;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Arbitrary events: any instant, any ids, any text in messages and attributes. */
final class EventArbitraries {
    private static final String ALNUM = "ABCXYZabcxyz0189";

    private EventArbitraries() {
    }

    static Arbitrary<Event> events() {
        Arbitrary<Status> statuses = Arbitraries.of(Status.class).injectNull(0.3);
        return Combinators.combine(instants(), Arbitraries.of(EventKind.class), names().map(NodeId::of),
                        targets().injectNull(0.3), statuses, statuses, Arbitraries.of(Severity.class), text(1200))
                .flatAs((at, kind, observer, target, status, previous, severity, message) -> attributes().map(
                        attributes -> new Event(at, kind, observer, target, status, previous, severity, message, attributes)))
                // Combined edge cases would outnumber any number of tries; instants() mixes in its own.
                .withoutEdgeCases();
    }

    /** Any text: every UTF-16 unit (unpaired surrogates too), or line breaks, controls and quotes. */
    static Arbitrary<String> text(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(maxLength),
                Arbitraries.strings().withChars("\"\\\n\r\t\u0000\u001f\u0085\u2028\u2029\ud83d\ude00\u00e9 x").ofMaxLength(40));
    }

    private static Arbitrary<Instant> instants() {
        Arbitrary<Instant> any = Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .flatMap(second -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nano -> Instant.ofEpochSecond(second, nano)));
        Arbitrary<Instant> awkward = Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH.minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"));
        return Arbitraries.frequencyOf(Tuple.of(1, awkward), Tuple.of(9, any));
    }

    private static Arbitrary<String> names() {
        return Combinators.combine(
                        Arbitraries.strings().withChars(ALNUM).ofLength(1),
                        Arbitraries.strings().withChars(ALNUM + "._-").ofMaxLength(62))
                .as(String::concat);
    }

    private static Arbitrary<TargetId> targets() {
        Arbitrary<TargetId> nodes = names().map(name -> TargetId.node(NodeId.of(name)));
        Arbitrary<TargetId> services = Combinators.combine(names(), names())
                .as((node, service) -> TargetId.service(NodeId.of(node), ServiceId.of(service)));
        return Arbitraries.oneOf(nodes, services);
    }

    private static Arbitrary<Map<String, String>> attributes() {
        return Arbitraries.maps(text(20), text(60)).ofMaxSize(4);
    }
}
