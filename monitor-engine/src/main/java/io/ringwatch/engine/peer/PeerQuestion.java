package io.ringwatch.engine.peer;

import io.ringwatch.api.TargetId;
import io.ringwatch.engine.routing.RoutingChange;
import java.util.Objects;

/** What one node asks another. Immutable. */
public sealed interface PeerQuestion {

    /** Are you there, and do you trust yourself? Answered with {@link PeerAnswer.Alive}. */
    record Liveness() implements PeerQuestion {
    }

    /**
     * Check this target now and say what you see. Answered with {@link PeerAnswer.Checked}. This
     * is how a watcher confirms a failure before accusing anyone.
     *
     * @param target what to check
     */
    record CheckTarget(TargetId target) implements PeerQuestion {
        /** @throws NullPointerException if {@code target} is null */
        public CheckTarget {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * What do you know of this target, and what have you notified? Answered with
     * {@link PeerAnswer.Reported}. This is how watchers agree on who notifies.
     *
     * @param target what it is about
     */
    record ReportOn(TargetId target) implements PeerQuestion {
        /** @throws NullPointerException if {@code target} is null */
        public ReportOn {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * Someone acknowledged this target's incident: stop reminding and escalating. Answered
     * with {@link PeerAnswer.Noted}.
     *
     * @param target the target
     * @param by who acknowledged
     * @param note what they said, possibly empty
     */
    record Acknowledge(TargetId target, String by, String note) implements PeerQuestion {
        /** @throws NullPointerException if an argument is null */
        public Acknowledge {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * Someone changed the routing (a subscription, a mute, an on-call override): apply it here
     * too. Answered with {@link PeerAnswer.Noted}, which says whether it changed anything.
     *
     * @param change the change
     */
    record ChangeRouting(RoutingChange change) implements PeerQuestion {
        /** @throws NullPointerException if {@code change} is null */
        public ChangeRouting {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * A person's message about this target reached the asking node (a reply to an alert of the
     * target's incident, or a command that names the target): write it into your event log too,
     * as {@code MESSAGE_RECEIVED} naming the asking node as {@code via}, if you watch the target.
     * Answered with {@link PeerAnswer.Noted}, which says whether it was written. The receiver
     * keeps every text to one line again: it comes from the outside world.
     *
     * @param target what the message is about
     * @param incident the key of the incident it replies to, or empty
     * @param by the contact who wrote it
     * @param channel the channel it came on
     * @param text what they wrote, on one line
     */
    record RecordMessage(TargetId target, String incident, String by, String channel, String text) implements PeerQuestion {
        /** @throws NullPointerException if an argument is null */
        public RecordMessage {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(text, "text");
        }
    }
}
