package io.ringwatch.notifiers.email;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ringwatch.api.Notification;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The ids that let mail clients thread the messages of one incident: every message has its
 * own {@code Message-ID}, and {@code In-Reply-To} and {@code References} name one id derived from
 * the incident key alone, the same on every watcher. Both are hashes, so the incident key's
 * characters never have to fit the syntax of a message id; the right-hand side is the domain of
 * the sender's address. Stateless and thread-safe.
 */
final class MailIds {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
    private static final String FALLBACK_DOMAIN = "ringwatch.invalid";

    private MailIds() {
    }

    /** {@code <incident.<32 hex digits>@domain>}: the same for every message of the incident. */
    static String incident(String incidentKey, String domain) {
        return "<incident." + hash(incidentKey) + "@" + safe(domain) + ">";
    }

    /**
     * {@code <ringwatch.<32 hex digits>@domain>}, a hash of everything that tells this
     * notification apart: a notification sent again (a retry, the outbox after a restart) has
     * the same id, so a mailbox can drop the copy, and any other notification has another.
     */
    static String message(Notification notification, String domain) {
        String identity = String.join("\n", notification.incidentKey(), notification.kind().name(),
                notification.previous().name(), notification.current().name(), notification.observer().value(),
                notification.since().toString(), notification.at().toString());
        return "<ringwatch." + hash(identity) + "@" + safe(domain) + ">";
    }

    private static String safe(String domain) {
        return DOMAIN.matcher(domain).matches() ? domain : FALLBACK_DOMAIN;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
