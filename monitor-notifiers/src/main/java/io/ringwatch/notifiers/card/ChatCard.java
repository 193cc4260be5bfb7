package io.ringwatch.notifiers.card;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.notifiers.channel.ChannelText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chat card shows of one notification, every text already safe to write as UTF-8
 * ({@link ChannelText#wellFormed}). The same parts as {@link Notification#text()}, taken apart:
 *
 * <pre>
 * headline  CRITICAL: orders-api DOWN on node n3
 * detail    seen by n1: connection refused          (none for a NOTICE, whose headline is its reason;
 *                                                    the reason alone for an ACKNOWLEDGED: acknowledged by alice: ...)
 * facts     Target n3/orders-api · Status UP → DOWN · Seen by n1 · Since 2031-02-03T04:05:06.789Z
 * incident  incident n3/orders-api@2031-02-03T04:05:06.789Z
 * </pre>
 *
 * Immutable and thread-safe.
 *
 * @param severity how urgent, for the colour
 * @param kind why it goes out; an acknowledgement has a colour of its own
 * @param headline {@link Notification#headline()}
 * @param detail who saw it and why, as in {@link Notification#text()}; empty for a {@link NotificationKind#NOTICE}
 * @param facts label and value pairs, in the order shown
 * @param incident {@code incident <key>}, the last line of {@link Notification#text()}
 * @param at when the notification was made
 */
public record ChatCard(Severity severity, NotificationKind kind, String headline, Optional<String> detail, List<Fact> facts, String incident,
        Instant at) {

    /** @throws NullPointerException if a component is null */
    public ChatCard {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
        facts = List.copyOf(facts);
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The card of {@code notification}.
     *
     * @throws NullPointerException if {@code notification} is null
     */
    public static ChatCard of(Notification notification) {
        Optional<String> detail = switch (notification.kind()) {
            case NOTICE -> Optional.empty();
            case ACKNOWLEDGED -> Optional.of(ChannelText.wellFormed(notification.reason()));
            default -> Optional.of(ChannelText.wellFormed("seen by " + notification.observer() + ": " + notification.reason()));
        };
        List<Fact> facts = List.of(
                new Fact("Target", notification.target().toString()),
                new Fact("Status", notification.previous() + " \u2192 " + notification.current()),
                new Fact("Seen by", notification.observer().value()),
                new Fact("Since", notification.since().toString()));
        return new ChatCard(notification.severity(), notification.kind(), ChannelText.wellFormed(notification.headline()), detail, facts,
                ChannelText.wellFormed("incident " + notification.incidentKey()), notification.at());
    }

    /**
     * The colour as {@code 0xRRGGBB}: blue for an acknowledgement (someone has it; it is not
     * over), else the severity's: red for critical, amber for warning, green for information.
     */
    public int rgb() {
        if (kind == NotificationKind.ACKNOWLEDGED) {
            return 0x1976D2;
        }
        return switch (severity) {
            case CRITICAL -> 0xD32F2F;
            case WARNING -> 0xF9A825;
            case INFORMATION -> 0x2E7D32;
        };
    }

    /** {@link #rgb()} as {@code #RRGGBB}, upper case. */
    public String hex() {
        return String.format("#%06X", rgb());
    }

    /**
     * One line of a card's table.
     *
     * @param label what it is: {@code Target}, {@code Status}, {@code Seen by}, {@code Since}
     * @param value its value, such as {@code n3/orders-api}
     */
    public record Fact(String label, String value) {
        /** @throws NullPointerException if a component is null */
        public Fact {
            Objects.requireNonNull(label, "label");
            value = ChannelText.wellFormed(Objects.requireNonNull(value, "value"));
        }
    }
}
