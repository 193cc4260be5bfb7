package io.ringwatch.engine.conversation;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Severity;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.audit.EventRecorder;
import io.ringwatch.engine.routing.Contact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's side of two-way messages. For each message: the sender must be a contact, known
 * by their address on the channel it came on, or it is logged as {@link EventKind#MESSAGE_REJECTED}
 * (naming no address) and answered with nothing; an accepted message is logged as
 * {@link EventKind#MESSAGE_RECEIVED}, on the node, and on the incident it replies to; then the
 * command it holds is carried out ({@link Commands}) and answered. Text is kept to one line
 * before it reaches the log, so a message cannot forge a log line. Thread-safe.
 */
public final class CommandConversation implements Conversation {
    /** The longest text kept of a message. */
    public static final int MAX_TEXT = 500;

    private final MonitorEngine engine;
    private final EventRecorder events;
    private final Commands commands;

    /**
     * @param events where messages are written, as the engine writes its own events
     * @param clock the engine's clock, for mutes and the on-call schedule
     */
    public CommandConversation(MonitorEngine engine, EventRecorder events, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.commands = new Commands(engine, Objects.requireNonNull(clock, "clock"));
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
        Optional<TargetId> about = incident.flatMap(CommandConversation::targetOfIncident);
        events.record(events.event(EventKind.MESSAGE_RECEIVED).target(about.orElse(null))
                .message(who + " (" + channel + "): " + text)
                .attribute("by", who).attribute("channel", channel).attribute("text", text)
                .attribute("incident", incident.orElse(null)));
        try {
            return commands.answer(new Commands.Request(who, channel, text, about));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return "That did not work: " + OneLine.of(refused.getMessage(), 300);
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
