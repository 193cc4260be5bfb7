package io.ringwatch.engine.conversation;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Severity;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.routing.Contact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of two-way messages. For each message: the sender must be a contact, known
 * by their address on the channel it came on, or it is logged as {@link EventKind#MESSAGE_REJECTED}
 * (naming no address) and answered with nothing; an accepted message is logged as
 * {@link EventKind#MESSAGE_RECEIVED}, on the node, and on the incident it replies to (or the
 * target an {@code ack} or a {@code note} names); then the command it holds is carried out
 * ({@link Commands}) and answered. A message about a target is passed on to the other nodes as a
 * {@link PeerQuestion.RecordMessage}, so that the target's watchers, whose logs the reports and
 * the status page read, write it too ({@link #recordPassedOn}). Text is kept to one line before
 * it reaches the log, so a message cannot forge a log line. Thread-safe.
 */
public final class CommandConversation implements Conversation {
    /** The longest text kept of a message. */
    public static final int MAX_TEXT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CommandConversation.class);

    private final MonitorEngine engine;
    private final EventRecorder events;
    private final Commands commands;
    private final Consumer<PeerQuestion.RecordMessage> passOn;

    /**
     * @param events where messages are written, as the engine writes its own events
     * @param clock the engine's clock, for mutes and the on-call schedule
     * @param passOn hands a message about a target to the nodes that watch it; must not block
     *        (a failure is logged and the conversation goes on)
     */
    public CommandConversation(MonitorEngine engine, EventRecorder events, Clock clock,
            Consumer<PeerQuestion.RecordMessage> passOn) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.commands = new Commands(engine, Objects.requireNonNull(clock, "clock"));
        this.passOn = Objects.requireNonNull(passOn, "passOn");
    }

    @Override
    public String received(InboundMessage message) {
        Objects.requireNonNull(message, "message");
        String channel = OneLine.of(message.channel(), 60);
        Optional<String> contact = contactOf(message);
        if (contact.isEmpty()) {
            events.record(events.event(EventKind.MESSAGE_REJECTED).severity(Severity.WARNING)
                    .message("Ignored a message on " + channel + " from a sender who is not a contact (sender "
                            + fingerprint(message.sender()) + ")")
                    .attribute("channel", channel).attribute("sender", fingerprint(message.sender())));
            return "";
        }
        String who = contact.get();
        String text = OneLine.of(message.text(), MAX_TEXT);
        Optional<String> incident = message.replyTo().map(key -> OneLine.of(key, 200));
        Optional<TargetId> about = incident.flatMap(CommandConversation::targetOfIncident)
                .or(() -> commands.targetNamed(text));
        events.record(messageReceived(about.orElse(null), incident.orElse(""), who, channel, text));
        about.ifPresent(target -> passOn(new PeerQuestion.RecordMessage(target, incident.orElse(""), who, channel, text)));
        try {
            return commands.answer(new Commands.Request(who, channel, text, about));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return "That did not work: " + OneLine.of(refused.getMessage(), 300);
        }
    }

    /**
     * Writes a message that another node received about a target this node watches, as that node
     * wrote it, naming that node as {@code via}. Every text is kept to one line again.
     *
     * @param via the node that received the message
     * @throws NullPointerException if an argument is null
     */
    public void recordPassedOn(NodeId via, PeerQuestion.RecordMessage message) {
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(message, "message");
        events.record(messageReceived(message.target(), OneLine.of(message.incident(), 200), OneLine.of(message.by(), 80),
                OneLine.of(message.channel(), 60), OneLine.of(message.text(), MAX_TEXT))
                .attribute("via", via.value()));
    }

    /** A {@link EventKind#MESSAGE_RECEIVED} of texts already on one line; no incident when it is empty. */
    private Event.Builder messageReceived(TargetId about, String incident, String who, String channel, String text) {
        return events.event(EventKind.MESSAGE_RECEIVED).target(about)
                .message(who + " (" + channel + "): " + text)
                .attribute("by", who).attribute("channel", channel).attribute("text", text)
                .attribute("incident", incident.isEmpty() ? null : incident);
    }

    /** Hands the message to the target's watchers; a failure to is logged, never the conversation's. */
    private void passOn(PeerQuestion.RecordMessage message) {
        try {
            passOn.accept(message);
        } catch (RuntimeException failure) {
            LOG.warn("{} could not pass a message about {} on to its watchers; it is in this node's log only",
                    engine.self(), message.target(), failure);
        }
    }

    /** The contact whose address on the message's channel is its sender. */
    private Optional<String> contactOf(InboundMessage message) {
        String sender = message.sender().strip();
        return engine.routing().contacts().values().stream()
                .filter(contact -> sender.equals(contact.addresses().get(message.channel())))
                .map(Contact::name)
                .findFirst();
    }

    /** The target of an incident key, {@code target@start}. */
    static Optional<TargetId> targetOfIncident(String key) {
        int at = key.lastIndexOf('@');
        try {
            return at > 0 ? Optional.of(TargetId.parse(key.substring(0, at))) : Optional.empty();
        } catch (IllegalArgumentException notATarget) {
            return Optional.empty();
        }
    }

    /** Eight hex digits of the sender's SHA-256: tells repeated senders apart without keeping their address. */
    static String fingerprint(String sender) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sender.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }

    @Override
    public String toString() {
        return "CommandConversation[" + engine.self() + ", " + engine.routing().contacts().size() + " contact(s)]";
    }
}
